"""Adding or editing a cost: channel, a whole month or a date range, amount, currency, note."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.core.clients.model import Channel
from app.core.errors import ValidationError
from app.core.reports.model import Cost, CostFields, Period
from app.ui.dialogs.form import FormDialog
from app.ui.leads.lead_table_model import money_text

CURRENCIES = ("RUB", "USD", "EUR", "KZT", "BYN", "UAH", "GBP", "CNY", "TRY", "AED")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CostDialog(FormDialog):
    """One cost; OK saves through ``saver`` and stays open on a rule break."""

    def __init__(
        self,
        channels: list[Channel],
        currency: str,
        cost: Cost | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit Cost") if cost else self.tr("Add Cost"), parent)
        self.channel_combo = QComboBox()
        for channel in channels:
            self.channel_combo.addItem(channel.name, channel.id)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Whole month"), "month")
        self.kind_combo.addItem(self.tr("Date range"), "range")
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        today = QDate.currentDate()
        self.month_edit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.month_edit.setDisplayFormat("MMMM yyyy")
        self.from_edit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
        self.range_box = QWidget()
        row = QHBoxLayout(self.range_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.from_edit)
        row.addWidget(QLabel("–"))
        row.addWidget(self.to_edit)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("45 000"))
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.addItem(currency)
        for code in CURRENCIES:
            if code != currency:
                self.currency_combo.addItem(code)
        self.currency_combo.setToolTip(
            self.tr(
                "Costs are kept in the client's currency ({currency}); no rates are applied."
            ).format(currency=currency)
        )
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Invoice 17, print run of 5,000"))
        self.add_field("channel", self.tr("Channel:"), self.channel_combo)
        self.add_field("kind", self.tr("Period:"), self.kind_combo)
        self.add_field("month", self.tr("Month:"), self.month_edit)
        self.add_field("range", self.tr("Dates:"), self.range_box)
        self.add_field("amount", self.tr("Amount:"), self.amount_edit)
        self.add_field("currency", self.tr("Currency:"), self.currency_combo)
        self.add_field("note", self.tr("Note:"), self.note_edit)
        if cost is not None:
            self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(cost.channel_id), 0))
            month = Period.month(cost.period_start.year, cost.period_start.month)
            whole_month = (cost.period_start, cost.period_end) == (month.start, month.end)
            self.kind_combo.setCurrentIndex(0 if whole_month else 1)
            self.month_edit.setDate(_qdate(cost.period_start))
            self.from_edit.setDate(_qdate(cost.period_start))
            self.to_edit.setDate(_qdate(cost.period_end))
            self.amount_edit.setText(money_text(cost.amount, "").strip())
            self.currency_combo.setCurrentText(cost.currency)
            self.note_edit.setText(cost.note)
        self._on_kind_combo_changed()
        self.amount_edit.setFocus()

    def _on_kind_combo_changed(self, *_args: object) -> None:
        month = self.kind_combo.currentData() == "month"
        self.form.setRowVisible(self.month_edit, month)
        self.form.setRowVisible(self.range_box, not month)

    def cost_fields(self) -> CostFields:
        """What the form says; raises ``ValidationError`` naming the field that is wrong."""
        from app.core.i18n import translate
        from app.core.money import parse_amount

        channel = self.channel_combo.currentData()
        if channel is None:
            raise ValidationError(
                translate("costs", "Add a channel first: a cost belongs to a channel."),
                field="channel",
            )
        if self.kind_combo.currentData() == "month":
            picked = self.month_edit.date()
            period = Period.month(picked.year(), picked.month())
            start, end = period.start, period.end
        else:
            start, end = _pydate(self.from_edit.date()), _pydate(self.to_edit.date())
            if end < start:
                raise ValidationError(
                    translate("costs", "The period ends before it starts."), field="range"
                )
        text = self.amount_edit.text().strip()
        if not text:
            raise ValidationError(translate("costs", "Enter the amount."), field="amount")
        amount: Decimal = parse_amount(text, field="amount")
        return CostFields(
            int(channel),
            start,
            end,
            amount,
            self.currency_combo.currentText().strip().upper(),
            self.note_edit.text().strip(),
        )
