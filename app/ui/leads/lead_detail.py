"""The detail pane of the journal: the selected email, its visit, and the lead's status, tags and
deal, editable.

The pane only shows and asks: saving goes through signals to the tab, which calls the core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.leads.model import Lead, LeadStatus, status_label
from app.ui.leads.filters import parse_tags
from app.ui.leads.lead_table_model import (
    format_duration,
    local_datetime,
    money_text,
    reason_label,
    sender_text,
)
from app.ui.widgets import muted

if TYPE_CHECKING:
    from app.core.visits.service import StoredVisit, VisitMatch

TEXT_LIMIT = 1000
"""The pane shows the start of the email; the whole text stays in the database."""


def _amount_text(lead: Lead) -> str:
    if lead.deal_amount is None:
        return ""
    return money_text(lead.deal_amount, "").strip()


class LeadDetail(QWidget):
    """Everything stored about the selected email, and the fields the agency keeps on it."""

    save_requested = Signal(int, str, object, str)
    """Lead id, status value, tags (a tuple) and the deal amount as typed ("" for none)."""
    mark_lead_requested = Signal(int)
    """Turn this filtered-out email into a lead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.subject_label = QLabel()
        font = self.subject_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.subject_label.setFont(font)
        self.subject_label.setWordWrap(True)
        self.from_label = QLabel()
        self.received_label = QLabel()
        self.channel_label = QLabel()
        self.tracking_label = QLabel()
        self.reply_label = QLabel()
        self.recipients_label = QLabel()
        self.attachments_label = QLabel()
        self.reason_label = QLabel()
        self.visit_label = QLabel()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(4)
        for label in (
            self.from_label,
            self.received_label,
            self.channel_label,
            self.tracking_label,
            self.reply_label,
            self.recipients_label,
            self.attachments_label,
            self.reason_label,
            self.visit_label,
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("From:"), self.from_label)
        self.form.addRow(self.tr("Received:"), self.received_label)
        self.form.addRow(self.tr("Channel:"), self.channel_label)
        self.form.addRow(self.tr("Sent to:"), self.tracking_label)
        self.form.addRow(self.tr("Reply:"), self.reply_label)
        self.form.addRow(self.tr("Recipients:"), self.recipients_label)
        self.form.addRow(self.tr("Attachments:"), self.attachments_label)
        self.form.addRow(self.tr("Not a lead:"), self.reason_label)
        self.form.addRow(self.tr("Visit:"), self.visit_label)
        self.visit_form = QFormLayout()
        self.visit_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.visit_form.setHorizontalSpacing(12)
        self.visit_form.setVerticalSpacing(2)
        self.visit_fields: dict[str, str] = {}
        """The visit's fields as shown (label -> value); tests read it."""
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setPlaceholderText(self.tr("The email has no text."))
        visit_box = QWidget()
        visit_layout = QVBoxLayout(visit_box)
        visit_layout.setContentsMargins(6, 6, 6, 6)
        visit_layout.addLayout(self.visit_form)
        visit_layout.addStretch(1)
        visit_scroll = QScrollArea()
        visit_scroll.setWidgetResizable(True)
        visit_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        visit_scroll.setWidget(visit_box)
        # The text and the website visit share the middle: a visit has some thirty fields.
        self.middle = QTabWidget()
        self.middle.setDocumentMode(True)
        self.middle.addTab(self.text_view, self.tr("Email"))
        self.visit_tab = self.middle.addTab(visit_scroll, self.tr("Website Visit"))
        info_box = QWidget()
        left = QVBoxLayout(info_box)
        left.setContentsMargins(0, 0, 6, 0)
        left.addWidget(self.subject_label)
        left.addLayout(self.form)
        left.addStretch(1)
        self.info = QScrollArea()
        self.info.setWidgetResizable(True)
        self.info.setFrameShape(QScrollArea.Shape.NoFrame)
        self.info.setWidget(info_box)

        # What the agency keeps on the lead.
        self.status_combo = QComboBox()
        for status in LeadStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("vip, wholesale"))
        self.deal_edit = QLineEdit()
        self.deal_edit.setPlaceholderText(self.tr("none"))
        self.currency_label = QLabel()
        deal_row = QHBoxLayout()
        deal_row.addWidget(self.deal_edit, 1)
        deal_row.addWidget(self.currency_label)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.mark_lead_button = QPushButton(self.tr("This Is a Lead"))
        self.mark_lead_button.setToolTip(
            self.tr("Count this email as a lead: it moves to the journal with its channel.")
        )
        self.mark_lead_button.clicked.connect(self._on_mark_lead_button_clicked)
        for edit in (self.tags_edit, self.deal_edit):
            edit.textEdited.connect(self._on_edited)
            edit.returnPressed.connect(self._on_save_button_clicked)
        self.status_combo.activated.connect(self._on_edited)
        self.edit_box = QGroupBox(self.tr("Lead"))
        edit_form = QFormLayout(self.edit_box)
        edit_form.addRow(self.tr("Status:"), self.status_combo)
        edit_form.addRow(self.tr("Tags:"), self.tags_edit)
        edit_form.addRow(self.tr("Deal:"), deal_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        edit_form.addRow(buttons)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.edit_box)
        side.addWidget(self.mark_lead_button)
        side.addStretch(1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setMinimumWidth(230)
        side_box.setMaximumWidth(300)

        self.placeholder = muted(QLabel(self.tr("Select a lead to see the email.")))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.info, 3)
        body.addWidget(self.middle, 3)
        body.addWidget(side_box, 2)
        self.content = QWidget()
        self.content.setLayout(body)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.stack)
        self.lead: Lead | None = None

    # -- showing -------------------------------------------------------------------------------
    def show_lead(self, lead: Lead | None, visit: VisitMatch | None = None) -> None:
        self.lead = lead
        if lead is None:
            self.stack.setCurrentWidget(self.placeholder)
            return
        self.stack.setCurrentWidget(self.content)
        self.subject_label.setText(lead.subject or self.tr("(no subject)"))
        self.from_label.setText(sender_text(lead.sender_name, lead.sender_address))
        self.received_label.setText(local_datetime(lead.received_at))
        if lead.channel_id is not None:
            channel = lead.channel_name
            if lead.is_repeat:
                channel += " · " + self.tr("repeat contact")
        else:
            channel = self.tr("Untracked: sent to no tracking address")
        self.channel_label.setText(channel)
        self.tracking_label.setText(lead.tracking_address or "—")
        if lead.first_reply_at is not None:
            self.reply_label.setText(
                self.tr("{when}, after {duration}").format(
                    when=local_datetime(lead.first_reply_at),
                    duration=format_duration(lead.response_seconds),
                )
            )
        else:
            self.reply_label.setText(self.tr("No reply found yet"))
        self.recipients_label.setText(
            "\n".join(f"{header}: {address}" for header, address in lead.recipients) or "—"
        )
        self.attachments_label.setText(", ".join(lead.attachment_names) or "—")
        reason = reason_label(lead.filtered_reason)
        if lead.filtered_detail:
            reason = f"{reason} ({lead.filtered_detail})" if reason else lead.filtered_detail
        self.reason_label.setText(reason)
        self.form.setRowVisible(self.reason_label, bool(reason))
        text = lead.text
        if len(text) > TEXT_LIMIT:
            text = text[:TEXT_LIMIT].rstrip() + "…"
        self.text_view.setPlainText(text)
        self._show_visit(visit)
        filtered = lead.filtered_reason is not None
        self.mark_lead_button.setVisible(filtered)
        self.edit_box.setEnabled(not filtered)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(str(lead.status)), 0))
        self.tags_edit.setText(", ".join(lead.tags))
        self.deal_edit.setText(_amount_text(lead))
        self.currency_label.setText(lead.currency)
        self.save_button.setEnabled(False)

    def _show_visit(self, match: VisitMatch | None) -> None:
        while self.visit_form.rowCount():
            self.visit_form.removeRow(0)
        self.visit_fields = {}
        has_visit = match is not None and match.visit is not None
        self.middle.setTabEnabled(self.visit_tab, has_visit)
        if not has_visit:
            self.middle.setCurrentIndex(0)
        if match is None:
            self.form.setRowVisible(self.visit_label, False)
            return
        self.form.setRowVisible(self.visit_label, True)
        if match.visit is None:
            self.visit_label.setText(
                self.tr("Waiting: the visit is not imported yet")
                if match.status == "waiting"
                else self.tr("No visit found")
            )
            return
        how = self.tr("by token") if match.kind == "token" else self.tr("by address pool")
        summary = self.tr("matched {how}").format(how=how)
        if match.candidates > 1:
            summary += " · " + self.tr("%n visit(s) were shown this address", "", match.candidates)
        self.visit_label.setText(summary)
        for label, value in self._visit_rows(match.visit):
            if value in (None, ""):
                continue
            shown = QLabel(str(value))
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            self.visit_form.addRow(muted(QLabel(label)), shown)
            self.visit_fields[label] = str(value)

    def _visit_rows(self, visit: StoredVisit) -> list[tuple[str, object]]:
        """Every stored field of the visit with its label (empty ones are skipped)."""
        new = None
        if visit.is_new_visitor is not None:
            new = self.tr("yes") if visit.is_new_visitor else self.tr("no")
        duration = format_duration(visit.duration_s) if visit.duration_s is not None else None
        return [
            (self.tr("Started:"), local_datetime(visit.started_at)),
            (self.tr("Analytics:"), f"{visit.source_format} {visit.counter_id or ''}".strip()),
            (self.tr("Visit id:"), visit.analytics_visit_id),
            (self.tr("Traffic:"), visit.traffic_source),
            (self.tr("Source:"), visit.source),
            (self.tr("Medium:"), visit.medium),
            (self.tr("Campaign:"), visit.campaign),
            (self.tr("Keyword:"), visit.keyword),
            (self.tr("Content:"), visit.content),
            (self.tr("Referrer:"), visit.referrer),
            (self.tr("Landing page:"), visit.landing_page),
            (self.tr("Country:"), visit.country),
            (self.tr("City:"), visit.city),
            (self.tr("Device:"), visit.device),
            (self.tr("System:"), visit.os),
            (self.tr("Browser:"), visit.browser),
            (self.tr("Screen:"), visit.screen),
            (self.tr("Duration:"), duration),
            (self.tr("Pages viewed:"), visit.page_views),
            (self.tr("New visitor:"), new),
            (self.tr("Token:"), visit.token),
            (self.tr("Pool address:"), visit.shown_address),
            (self.tr("Metrica ClientID:"), visit.metrica_client_id),
            (self.tr("GA user id:"), visit.ga_user_pseudo_id),
            (self.tr("GCLID:"), visit.gclid),
            (self.tr("Matomo visitor:"), visit.matomo_visitor_id),
            (self.tr("Contact action:"), visit.contact_action),
            (self.tr("Contact page:"), visit.contact_page),
        ]

    # -- editing -------------------------------------------------------------------------------
    def _on_edited(self, *_args: object) -> None:
        self.save_button.setEnabled(self.lead is not None)

    def _on_save_button_clicked(self) -> None:
        if self.lead is None:
            return
        self.save_requested.emit(
            self.lead.id,
            str(self.status_combo.currentData()),
            parse_tags(self.tags_edit.text()),
            self.deal_edit.text().strip(),
        )

    def _on_mark_lead_button_clicked(self) -> None:
        if self.lead is not None:
            self.mark_lead_requested.emit(self.lead.id)
