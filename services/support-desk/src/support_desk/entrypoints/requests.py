"""What specialists send to act on a ticket."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from support_desk.domain.card_numbers import mask_card_numbers

# Free text that goes on a ticket (and to the customer): a pasted card number is masked here.
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=5000),
    AfterValidator(mask_card_numbers),
]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Username = Annotated[str, StringConstraints(pattern=r"^[a-z0-9._-]{1,64}$")]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AssignRequest(_Request):
    assignee: Username | None = None  # None: the signed-in specialist takes it


class ReplyRequest(_Request):
    message: Text


class ResolveRequest(_Request):
    resolution: Text


class RedirectRequest(_Request):
    institution: Short  # e.g. "imei.az (MCQS), phone 157"
    note: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=2000),
        AfterValidator(mask_card_numbers),
    ] = ""


class CustomerReplyRequest(_Request):
    from_email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=320)]
    message: Text
    message_id: Annotated[str, StringConstraints(max_length=200)] | None = None


class CustomerAnswerRequest(_Request):
    """The customer's answer from the ticket page (no sign-in: the ticket's e-mail authorises)."""

    email: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=320)]
    message: Text  # at most 5000 characters; a pasted card number is masked here
    # chosen by the page once per answer: sending it again (a lost response) adds nothing
    reply_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
