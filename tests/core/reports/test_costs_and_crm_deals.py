"""Channel costs (hand entry, CSV import, currency rule) and deals from a CRM export."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from fixtures_reports import seed

from app.core.errors import ValidationError
from app.core.leads.model import LeadQuery, LeadStatus
from app.core.reports.csvfile import CsvFileError
from app.core.reports.model import CostFields, Period
from app.core.workspace import Workspace


def test_a_cost_in_another_currency_is_refused(workspace: Workspace) -> None:
    seeded = seed(workspace)
    fields = CostFields.for_month(seeded.tv, 2026, 4, Decimal("100"), currency="USD")
    with pytest.raises(
        ValidationError, match="does not convert currencies: enter the amount in RUB"
    ):
        workspace.costs.add(seeded.client, fields)
    back = CostFields(seeded.tv, date(2026, 4, 2), date(2026, 4, 1), Decimal("1"))
    with pytest.raises(ValidationError, match="ends"):
        workspace.costs.add(seeded.client, back)


def test_edit_delete_and_list(workspace: Workspace) -> None:
    seeded = seed(workspace)
    april = CostFields.for_month(seeded.site, 2026, 4, Decimal("999.99"), currency="rub")
    result = workspace.costs.add(seeded.client, april)
    assert result.changes.cost_clients == {seeded.client}
    assert result.value.amount == Decimal("999.99") and result.value.currency == "RUB"
    edited = workspace.costs.edit(
        result.value.id, CostFields.for_month(seeded.site, 2026, 4, Decimal(5))
    )
    assert edited.value.amount == Decimal("5.00")
    assert [c.amount for c in workspace.costs.list(seeded.client, Period.month(2026, 4))] == [
        Decimal("5.00")
    ]
    workspace.costs.delete(result.value.id)
    assert workspace.costs.list(seeded.client, Period.month(2026, 4)) == []


def test_cost_csv_import_reports_bad_lines_and_is_idempotent(
    workspace: Workspace, tmp_path: Path
) -> None:
    seeded = seed(workspace)
    path = tmp_path / "costs.csv"
    path.write_bytes(
        "Канал;Период;Сумма;Валюта\n"
        "тв;2026-04;12 500,50;RUB\n"
        "Сайт;01.04.2026..15.04.2026;3000;\n"
        "Радио;2026-04;100;RUB\n"
        "ТВ;апрель;100;RUB\n"
        "ТВ;2026-05;100;USD\n"
        "ТВ;2026-05;много;RUB\n".encode("cp1251")
    )
    report = workspace.costs.import_csv(seeded.client, path).value
    assert (report.rows, report.added, report.updated, report.unchanged) == (6, 2, 0, 0)
    assert [r.line for r in report.rejected] == [4, 5, 6, 7]
    assert "Радио" in report.rejected[0].reason and "USD" in report.rejected[2].reason
    again = workspace.costs.import_csv(seeded.client, path)
    assert (again.value.added, again.value.unchanged) == (0, 2) and again.changes.empty
    april = workspace.reports.report(seeded.client, Period.month(2026, 4))
    assert april.total.cost == Decimal("15500.50")
    with pytest.raises(CsvFileError, match="no “channel"):
        workspace.costs.import_csv(seeded.client, "what;ever\n1;2\n")


def test_crm_deals_by_id_and_by_sender_and_date(workspace: Workspace) -> None:
    seeded = seed(workspace)
    c = seeded.client
    t1 = workspace.leads.ids(LeadQuery(c, search="t1@"))[0]
    crm = (
        "lead id,email,date,amount,deal date\n"
        f'{t1},,,"70,000.00",2026-03-25\n'
        ",S2@mail.ru,12.03.2026,25000,\n"
        ",s2@mail.ru,2026-05-20,1,\n"
        ",nobody@mail.ru,2026-03-10,5,\n"
        "999999,,,5,\n"
    )
    result = workspace.deals.import_csv(c, crm)
    report = result.value
    assert (report.rows, report.added, report.updated, report.unchanged) == (5, 2, 0, 0)
    assert [line.line for line in report.rejected] == [4, 5, 6]
    assert "within 3 days" in report.rejected[0].reason
    assert result.changes.lead_clients == {c}
    lead = workspace.leads.get(t1)
    assert (lead.status, lead.deal_amount, lead.deal_date) == (
        LeadStatus.DEAL, Decimal("70000.00"), date(2026, 3, 25),
    )  # fmt: skip
    again = workspace.deals.import_csv(c, crm)
    assert (again.value.added, again.value.updated, again.value.unchanged) == (0, 0, 2)
    assert again.changes.empty
    nothing = workspace.deals.import_csv(c, "email;amount\nx@y.ru;5\n").value
    assert nothing.used == 0 and len(nothing.rejected) == 1
