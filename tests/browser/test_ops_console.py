"""The ops console in Chromium: an ops person signs in, finds a payment by its account and reads
its timeline, watches a new payment's events arrive live, replays a dead letter after confirming,
and reads the reconciliation dashboard; each page fits a 375 px phone; others are kept out."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from playwright.async_api import Page, expect

from contracts.ids import new_id
from servicekit.consumer_io import park
from servicekit.mongo import create_mongo_client
from tests.browser.customer import Customer
from tests.browser.test_narrow_screens import assert_fits
from tests.ops.conftest import create_payment, pay, wait_for_state
from tests.ops.test_cases_and_recon import bank_session, settle_today
from tests.ops.topics import expired

pytestmark = pytest.mark.e2e


async def sign_in_as(customer: Customer, username: str, secret: str) -> None:
    page = customer.page
    await customer.open("/console")
    await page.locator("#username").fill(username)
    await page.locator("#password").fill(customer.system.secrets[secret])
    await page.get_by_role("button", name="Daxil ol").click()


async def sign_in_ops(customer: Customer) -> None:
    await sign_in_as(customer, "farid", "PORTAL_SUPPORT_OPS_PASSWORD")
    await customer.page.wait_for_url("**/console/ops")
    await expect(customer.page.locator("#signed-in")).to_contain_text("farid")


def paid_payment(customer: Customer, until: str | None = "completed") -> dict[str, Any]:
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        created = create_payment(customer.system, client)
        pay(customer.system, client, created["payment_page_url"])
        if until is None:
            return created
        return wait_for_state(customer.system, client, created["payment_id"], until)


async def fits_a_phone(customer: Customer, name: str) -> None:
    await customer.page.set_viewport_size({"width": 375, "height": 700})
    await assert_fits(customer.page, 375)
    await customer.screenshot(f"ops-{name}")
    await customer.page.set_viewport_size({"width": 1024, "height": 800})


async def test_an_ops_person_finds_a_payment_and_reads_its_timeline(customer: Customer) -> None:
    payment = await asyncio.to_thread(paid_payment, customer)
    page = customer.page
    await sign_in_ops(customer)
    await page.locator("#account").fill(payment["account"])
    await page.get_by_role("button", name="Tap").click()
    row = page.locator(f"tr[data-payment='{payment['payment_id']}']")
    await expect(row).to_contain_text("completed")
    await expect(row).to_contain_text("5.00 AZN")
    await fits_a_phone(customer, "payments")
    await row.get_by_role("link", name=payment["payment_id"]).click()

    await expect(page.get_by_role("heading", name=payment["payment_id"])).to_be_visible()
    timeline = page.locator("#timeline li")
    await expect(timeline.first).to_contain_text("state → initiated")
    await expect(page.locator("#timeline")).to_contain_text("card-debited")
    await expect(page.locator("#timeline li.kind-completion").first).to_be_visible()
    await expect(page.locator("#story-header")).to_contain_text("completed")
    await fits_a_phone(customer, "timeline")


async def test_the_live_stream_shows_a_new_payments_events(customer: Customer) -> None:
    page = customer.page
    await sign_in_ops(customer)
    await page.get_by_role("link", name="Canlı hadisələr").click()
    await page.locator("#topic").select_option("payments.v1")
    await page.locator("#follow").click()
    await expect(page.locator("#stream-status")).to_have_text("Yeni hadisələr gözlənilir…")

    created = await asyncio.to_thread(paid_payment, customer, None)
    mine = page.locator(f"#live-events li[data-subject='{created['payment_id']}']")
    await expect(mine.locator("strong", has_text="payment-initiated")).to_be_visible()
    await expect(mine.locator("strong", has_text="card-debited")).to_be_visible()
    await expect(page.locator("#live-events li[data-type^='activation']")).to_have_count(0)
    await fits_a_phone(customer, "events")
    await page.locator("#stop").click()
    await expect(page.locator("#follow")).to_be_enabled()


async def test_the_live_stream_comes_back_by_itself_after_ops_desk_restarts(
    customer: Customer,
) -> None:
    """A ticket opens the stream once, so the page, not the browser, opens it again."""
    page = customer.page
    await sign_in_ops(customer)
    await page.get_by_role("link", name="Canlı hadisələr").click()
    await page.locator("#topic").select_option("payments.v1")
    await page.locator("#follow").click()
    status = page.locator("#stream-status")
    await expect(status).to_have_text("Yeni hadisələr gözlənilir…")

    replicas = customer.system.replicas_of("ops-desk")  # wherever the stream went
    for replica in replicas:
        replica.kill()
    await expect(status).to_have_text("Axın kəsildi; yenidən qoşulur…")
    for replica in replicas:
        await asyncio.to_thread(customer.system.restart, replica.name)
    await expect(status).to_have_text("Yeni hadisələr gözlənilir…", timeout=20_000)

    created = await asyncio.to_thread(paid_payment, customer, None)
    mine = page.locator(f"#live-events li[data-subject='{created['payment_id']}']")
    await expect(mine.locator("strong", has_text="payment-initiated")).to_be_visible()


async def test_a_dead_letter_is_replayed_only_after_confirming(customer: Customer) -> None:
    envelope = expired(new_id("pay"))
    topic = await own_topic(customer)
    client = create_mongo_client(customer.system.mongo_url)
    await park(client["checkout"]["dead_letters"], envelope, topic, "boom: a test", None)
    letter = await client["checkout"]["dead_letters"].find_one({"envelope.id": envelope.id})
    await client.close()
    assert letter is not None

    page = customer.page
    await sign_in_ops(customer)
    await page.get_by_role("link", name="Dayanmış hadisələr").click()
    row = page.locator(f"tr[data-letter='{letter['_id']}']")
    await expect(row).to_contain_text("payment-expired")
    await expect(row).to_contain_text("boom: a test")
    await row.locator("button.replay").click()
    confirm = row.locator("button.replay-confirm")
    await expect(confirm).to_contain_text(topic)
    await expect(row.locator(".replays")).to_have_text("0")  # nothing sent before confirming
    await fits_a_phone(customer, "dead-letters")
    await confirm.click()
    await expect(row.locator(".replay-said")).to_contain_text("checkout")
    await expect(row.locator(".replays")).to_have_text("1")


async def own_topic(customer: Customer) -> str:
    """A topic no service reads, so the replayed event reaches nobody but the topic."""
    name = f"ops-console-{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=customer.system.kafka_bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name=name, num_partitions=1, replication_factor=1)])
    finally:
        await admin.close()
    return name


async def test_the_dashboard_shows_what_the_api_counts(customer: Customer) -> None:
    order_id = new_id("pay")  # a debit the bank made for no payment of ours: one bank_only
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        pay(customer.system, client, bank_session(customer.system, client, order_id))
    assert order_id in await asyncio.to_thread(settle_today, customer.system)
    page = customer.page
    await sign_in_ops(customer)
    token = await page.evaluate("JSON.parse(sessionStorage.getItem('console.session')).token")
    async with httpx.AsyncClient(base_url=customer.system.gateway_url, timeout=60) as http:
        answer = await http.get("/api/ops/recon", headers={"Authorization": f"Bearer {token}"})
    report = answer.json()
    await page.get_by_role("link", name="Uzlaşma").click()
    await expect(page.get_by_role("heading", name="Açıq uyğunsuzluqlar")).to_be_visible()
    await expect_counts(page, "#open-mismatches", report["open_mismatches"], "open")
    await expect_counts(page, "#day-findings", report["events"], "detected")
    detected = sum(row["detected"] for row in report["events"])
    await expect(page.locator("#day-total")).to_contain_text(f"Cəmi: {detected} aşkarlanıb")
    await fits_a_phone(customer, "recon")


async def expect_counts(page: Page, table: str, rows: list[dict[str, Any]], count: str) -> None:
    """Each kind's row in the table says the API's count (at least: more may have come since)."""
    for row in rows:
        shown = page.locator(f"{table} tr[data-kind='{row['kind']}'] td").nth(
            1 if count == "open" else 2
        )
        assert int(await shown.inner_text()) >= row[count], row


async def test_other_staff_are_kept_out_and_the_words_follow_the_language(
    customer: Customer,
) -> None:
    page = customer.page
    await sign_in_as(customer, "aysel", "PORTAL_SUPPORT_SPECIALIST_PASSWORD")
    await expect(page.locator("#signed-in")).to_contain_text("aysel")
    await customer.open("/console/ops/dead-letters")
    await expect(page.get_by_role("alert")).to_contain_text("yalnız əməliyyat işçiləri")
    await page.evaluate("sessionStorage.clear(); localStorage.setItem('portal.language', 'ru')")
    await sign_in_as_ru(customer)
    await expect(page.locator(".ops-menu")).to_contain_text("Платежи")
    await expect(page.locator(".ops-menu")).to_contain_text("Сверка")


async def sign_in_as_ru(customer: Customer) -> None:
    page = customer.page
    await customer.open("/console")
    await page.locator("#username").fill("farid")
    await page.locator("#password").fill(customer.system.secrets["PORTAL_SUPPORT_OPS_PASSWORD"])
    await page.locator("form button[type=submit]").click()
    await page.wait_for_url("**/console/ops")
