"""What the desk sends to act on a case; a provider's reference is required to confirm by hand."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, model_validator

from support_desk.domain.actions import ActionKind
from support_desk.domain.card_numbers import mask_card_numbers

Note = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=500),
    AfterValidator(mask_card_numbers),
]
Reference = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:/-]{1,64}$")]


class CaseActionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ActionKind
    note: Note
    provider_reference: Reference | None = None

    @model_validator(mode="after")
    def _reference_only_to_confirm(self) -> Self:
        confirming = self.kind is ActionKind.CONFIRM_ACTIVATED
        if confirming and self.provider_reference is None:
            raise ValueError("confirm_activated needs the provider's reference")
        if not confirming and self.provider_reference is not None:
            raise ValueError("only confirm_activated takes a provider's reference")
        return self
