"""Client of provider-gateway's quote: validates service, account and amount, and prices the fee."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from servicekit.problems import Problem


class CatalogUnavailableError(Exception):
    """provider-gateway did not answer; nothing was created."""


@dataclass(frozen=True)
class Quote:
    service_id: str
    account: str
    amount_qepik: int
    fee_qepik: int
    total_qepik: int


class CatalogClient:
    def __init__(self, client: httpx.AsyncClient, base_url: str) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")

    async def quote(self, service_id: str, account: str, amount: str) -> Quote:
        """Raises the catalog's own problem (unknown service, bad account, limits) as a Problem."""
        try:
            response = await self._client.post(
                f"{self._base_url}/api/catalog/services/{service_id}/quote",
                json={"account": account, "amount": amount},
            )
        except httpx.HTTPError as error:
            raise CatalogUnavailableError(repr(error)) from error
        if response.status_code >= 500:
            raise CatalogUnavailableError(f"catalog answered {response.status_code}")
        body = response.json()
        if response.status_code >= 400:
            message = body.get("message", {})
            extra = {key: body[key] for key in ("errors",) if key in body}
            raise Problem(
                response.status_code,
                str(body.get("code", "invalid_request")),
                str(message.get("en", "The request was refused.")),
                str(message.get("az", "Sorğu rədd edildi.")),
                extra=extra,
            )
        return Quote(
            service_id=body["service_id"],
            account=body["account"],
            amount_qepik=body["amount_qepik"],
            fee_qepik=body["fee_qepik"],
            total_qepik=body["total_qepik"],
        )
