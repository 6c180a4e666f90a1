"""Why an action on a case is refused, in az, en and ru, with a stable code: the role does not
allow it (403), the case is not where it could be (409), or a key was reused for another action."""

from __future__ import annotations


class ActionRefusedError(Exception):
    code: str = "action_refused"

    def __init__(self, code: str, en: str, az: str, ru: str) -> None:
        super().__init__(f"{code}: {en}")
        self.code = code
        self.en = en
        self.az = az
        self.ru = ru


class ActionForbiddenError(ActionRefusedError):
    @classmethod
    def supervisors_only(cls) -> ActionForbiddenError:
        return cls(
            "supervisor_only",
            "Only a supervisor may confirm an activation by hand or approve an action.",
            "Aktivləşməni əllə yalnız supervayzer təsdiqləyə və ya əməliyyatı təsdiq edə bilər.",
            "Подтвердить активацию вручную или одобрить действие может только супервайзер.",
        )

    @classmethod
    def four_eyes(cls) -> ActionForbiddenError:
        return cls(
            "four_eyes",
            "Another supervisor must approve this: nobody approves their own action.",
            "Bunu başqa supervayzer təsdiqləməlidir: heç kim öz əməliyyatını təsdiqləmir.",
            "Это должен одобрить другой супервайзер: своё действие никто не одобряет.",
        )

    @classmethod
    def not_your_case(cls) -> ActionForbiddenError:
        return cls(
            "not_your_ticket",
            "This case is not assigned to you; take it first.",
            "Bu hal sizə təyin edilməyib; əvvəlcə onu götürün.",
            "Этот случай не назначен вам; сначала возьмите его.",
        )


class ActionConflictError(ActionRefusedError):
    @classmethod
    def pending(cls, kind: str, state: str) -> ActionConflictError:
        return cls(
            "action_pending",
            f"A {kind} was already asked on this case ({state}); it stands until the case clears.",
            f"Bu halda {kind} artıq istənilib ({state}); hal bağlanana qədər qüvvədədir.",
            f"По этому случаю {kind} уже запрошено ({state}); оно действует до закрытия случая.",
        )

    @classmethod
    def settling(cls, kind: str) -> ActionConflictError:
        return cls(
            "case_settling",
            f"A {kind} is already on its way for this case; nothing else can be asked now.",
            f"Bu hal üçün {kind} artıq icra olunur; indi başqa heç nə istənilə bilməz.",
            f"По этому случаю уже выполняется {kind}; другое сейчас запросить нельзя.",
        )

    @classmethod
    def case_closed(cls, state: str) -> ActionConflictError:
        return cls(
            "case_closed",
            f"The case is {state}; actions are for open cases.",
            f"Hal {state} vəziyyətindədir; əməliyyatlar yalnız açıq hallar üçündür.",
            f"Случай в состоянии {state}; действия возможны только по открытым случаям.",
        )

    @classmethod
    def not_a_payment_case(cls) -> ActionConflictError:
        return cls(
            "not_a_payment_case",
            "Only a payment's case, opened by reconciliation, can be acted on this way.",
            "Bu yolla yalnız tutuşdurmanın açdığı ödəniş halı üzərində əməliyyat etmək olar.",
            "Так можно действовать только по случаю платежа, открытому сверкой.",
        )

    @classmethod
    def not_awaiting(cls) -> ActionConflictError:
        return cls(
            "action_not_awaiting_approval",
            "This action does not wait for an approval.",
            "Bu əməliyyat təsdiq gözləmir.",
            "Это действие не ждёт одобрения.",
        )


class ActionNotFoundError(ActionRefusedError):
    def __init__(self) -> None:
        super().__init__(
            "action_not_found",
            "There is no such case, or no such action on it.",
            "Belə hal və ya onda belə əməliyyat yoxdur.",
            "Нет такого случая или такого действия в нём.",
        )


class KeyReusedError(ActionRefusedError):
    def __init__(self) -> None:
        super().__init__(
            "idempotency_key_reused",
            "This Idempotency-Key was used for another action on this case; use a new key.",
            "Bu Idempotency-Key bu halda başqa əməliyyat üçün işlədilib; yeni açar istifadə edin.",
            "Этот Idempotency-Key уже использован для другого действия; используйте новый ключ.",
        )
