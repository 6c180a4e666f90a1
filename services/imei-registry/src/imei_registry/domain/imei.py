"""IMEIs as customers type them: normalised, checked (3GPP TS 23.003 Annex B) and explained.

An IMEI is 15 digits: an 8-digit TAC (the model), a 6-digit serial number and a Luhn check digit.
Phones show it with separators (`35-209900-176148-1`, spaces) or a software suffix (`/01`).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

from imei_registry.domain.text import Bilingual

IMEI_LENGTH: Final = 15
TAC_LENGTH: Final = 8
_LABEL: Final = re.compile(r"^\s*IMEI\s*[12]?\s*:\s*", re.IGNORECASE)
_SOFTWARE_SUFFIX: Final = re.compile(r"\s*/\s*\d{1,2}\s*$")
_SEPARATORS: Final = re.compile(r"[\s\-‐‑‒–—.]")


class ImeiProblem(StrEnum):
    """Why a typed IMEI is refused; each has its own explanation."""

    EMPTY = "empty"
    BAD_CHARACTERS = "bad_characters"
    IMEISV = "imeisv"
    MISSING_CHECK_DIGIT = "missing_check_digit"
    WRONG_LENGTH = "wrong_length"
    REPEATED_DIGIT = "repeated_digit"
    WRONG_CHECK_DIGIT = "wrong_check_digit"


class InvalidImeiError(ValueError):
    """A typed IMEI that is not one; `explanation` tells the customer what to do."""

    def __init__(self, problem: ImeiProblem, explanation: Bilingual) -> None:
        super().__init__(f"{problem}: {explanation.en}")
        self.problem = problem
        self.explanation = explanation


def check_digit(body: str) -> int:
    """The Luhn check digit of the 14 digits before it: every second digit from the right of
    the body is doubled (its digits summed), and the check digit tops the sum up to a ten."""
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return (10 - total % 10) % 10


def with_check_digit(body: str) -> str:
    return f"{body}{check_digit(body)}"


def strip_separators(typed: str) -> str:
    """What is left of a typed IMEI without its label, separators and software suffix."""
    text = _LABEL.sub("", typed.strip())
    text = _SOFTWARE_SUFFIX.sub("", text)
    return _SEPARATORS.sub("", text)


def normalise_imei(typed: str) -> str:
    """The 15-digit IMEI, or InvalidImeiError explaining what is wrong with what was typed."""
    digits = strip_separators(typed)
    if not digits:
        raise InvalidImeiError(ImeiProblem.EMPTY, _EMPTY)
    if not (digits.isascii() and digits.isdigit()):
        raise InvalidImeiError(ImeiProblem.BAD_CHARACTERS, _BAD_CHARACTERS)
    if len(digits) >= TAC_LENGTH and len(set(digits)) == 1:
        raise InvalidImeiError(ImeiProblem.REPEATED_DIGIT, _repeated(digits[0]))
    if len(digits) == IMEI_LENGTH + 1:
        raise InvalidImeiError(ImeiProblem.IMEISV, _imeisv(with_check_digit(digits[:14])))
    if len(digits) == IMEI_LENGTH - 1:
        raise InvalidImeiError(ImeiProblem.MISSING_CHECK_DIGIT, _missing(with_check_digit(digits)))
    if len(digits) != IMEI_LENGTH:
        raise InvalidImeiError(ImeiProblem.WRONG_LENGTH, _wrong_length(len(digits)))
    if check_digit(digits[:14]) != int(digits[14]):
        raise InvalidImeiError(ImeiProblem.WRONG_CHECK_DIGIT, _WRONG_CHECK_DIGIT)
    return digits


def tac_of(imei: str) -> str:
    return imei[:TAC_LENGTH]


_EMPTY: Final = Bilingual(
    az="IMEI daxil edin: onu görmək üçün telefonda *#06# yığın.",
    en="Enter the IMEI: dial *#06# on the phone to see it.",
    ru="Введите IMEI: наберите *#06# на телефоне, чтобы его увидеть.",
)
_BAD_CHARACTERS: Final = Bilingual(
    az="IMEI yalnız rəqəmlərdən ibarətdir. Onu *#06# göstərdiyi kimi yazın: "
    "tire, boşluq və /01 sonluğu qəbul olunur.",
    en="An IMEI is made of digits only. Type it as *#06# shows it: "
    "dashes, spaces and a /01 ending are fine.",
    ru="IMEI состоит только из цифр. Введите его так, как показывает *#06#: "
    "дефисы, пробелы и окончание /01 допустимы.",
)
_WRONG_CHECK_DIGIT: Final = Bilingual(
    az="Son (yoxlama) rəqəm qalanlarına uyğun gəlmir: yəqin ki, bir rəqəm səhv yazılıb. "
    "IMEI-ni *#06# ekranı ilə tutuşdurun.",
    en="The last (check) digit does not match the others: a digit was probably mistyped. "
    "Compare the IMEI with the *#06# screen.",
    ru="Последняя (контрольная) цифра не сходится с остальными: вероятно, одна цифра набрана "
    "неверно. Сверьте IMEI с экраном *#06#.",
)


def _repeated(digit: str) -> Bilingual:
    return Bilingual(
        az=f"Eyni rəqəmin təkrarı ({digit * 4}…) həqiqi IMEI deyil. "
        "Telefonun öz IMEI-sini görmək üçün *#06# yığın.",
        en=f"A run of one digit ({digit * 4}…) is not a real IMEI. "
        "Dial *#06# to see the phone's own IMEI.",
        ru=f"Повтор одной цифры ({digit * 4}…) — не настоящий IMEI. "
        "Наберите *#06#, чтобы увидеть IMEI самого телефона.",
    )


def _imeisv(imei: str) -> Bilingual:
    return Bilingual(
        az="16 rəqəm IMEISV-dir: IMEI-nin 14 rəqəmi və proqram versiyasının 2 rəqəmi, "
        f"yoxlama rəqəmi olmadan. 15 rəqəmli IMEI-ni daxil edin; çox güman ki, {imei}.",
        en="16 digits is an IMEISV: the IMEI's first 14 digits and a 2-digit software version, "
        f"without the check digit. Enter the 15-digit IMEI; it is most likely {imei}.",
        ru="16 цифр — это IMEISV: первые 14 цифр IMEI и 2 цифры версии программы, без "
        f"контрольной цифры. Введите IMEI из 15 цифр; скорее всего, это {imei}.",
    )


def _missing(imei: str) -> Bilingual:
    return Bilingual(
        az="14 rəqəm: son (yoxlama) rəqəm çatışmır. IMEI 15 rəqəmdir; "
        f"yoxlama rəqəmi ilə bu {imei} olardı — ekranla tutuşdurun.",
        en="14 digits: the last (check) digit is missing. An IMEI has 15 digits; "
        f"with its check digit this would be {imei} — compare it with the screen.",
        ru="14 цифр: не хватает последней (контрольной) цифры. В IMEI 15 цифр; "
        f"с контрольной цифрой это был бы {imei} — сверьте с экраном.",
    )


def _wrong_length(count: int) -> Bilingual:
    return Bilingual(
        az=f"IMEI 15 rəqəmdən ibarətdir, burada isə {count} rəqəm var. *#06# yığıb yoxlayın.",
        en=f"An IMEI has 15 digits; this has {count}. Dial *#06# and check it.",
        ru=f"В IMEI 15 цифр, а здесь {count}. Наберите *#06# и проверьте.",
    )
