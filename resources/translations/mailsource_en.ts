<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/dialogs/about_dialog.py" line="+185"/>
        <source>%n component(s) in this program.</source>
        <translation>
            <numerusform>%n component in this program.</numerusform>
            <numerusform>%n components in this program.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddressesTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/addresses/addresses_tab.py" line="+291"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n address</numerusform>
            <numerusform>%n addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>%n address(es) imported.</source>
        <translation>
            <numerusform>%n address imported.</numerusform>
            <numerusform>%n addresses imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AliasExportDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/addresses/alias_export_dialog.py" line="+57"/>
        <source>%n alias or custom address(es) must be delivered to the main mailbox. Send the CSV file and the instructions below to the client&apos;s mail administrator.</source>
        <translation>
            <numerusform>%n alias or custom address must be delivered to the main mailbox. Send the CSV file and the instructions below to the client&apos;s mail administrator.</numerusform>
            <numerusform>%n alias or custom addresses must be delivered to the main mailbox. Send the CSV file and the instructions below to the client&apos;s mail administrator.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message numerus="yes">
        <location filename="../../app/ui/models/client_list_model.py" line="+62"/>
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/client_page.py" line="+286"/>
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomListDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/addresses/address_dialog.py" line="+291"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n address</numerusform>
            <numerusform>%n addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n bad line(s)</source>
        <translation>
            <numerusform>%n bad line</numerusform>
            <numerusform>%n bad lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>Nothing was imported: %n line(s) need fixing.</source>
        <translation>
            <numerusform>Nothing was imported: %n line needs fixing.</numerusform>
            <numerusform>Nothing was imported: %n lines need fixing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/costs/import_report_dialog.py" line="+92"/>
        <source>%n line(s) read from {file}.</source>
        <translation>
            <numerusform>%n line read from {file}.</numerusform>
            <numerusform>%n lines read from {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadDetail</name>
    <message numerus="yes">
        <location filename="../../app/ui/leads/lead_detail.py" line="+270"/>
        <source>%n visit(s) were shown this address</source>
        <translation>
            <numerusform>%n visit was shown this address</numerusform>
            <numerusform>%n visits were shown this address</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadsTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/leads/leads_tab.py" line="+396"/>
        <source>%Ln lead(s)</source>
        <translation>
            <numerusform>%Ln lead</numerusform>
            <numerusform>%Ln leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln repeat</source>
        <translation>
            <numerusform>%Ln repeat</numerusform>
            <numerusform>%Ln repeat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln replied</source>
        <translation>
            <numerusform>%Ln replied</numerusform>
            <numerusform>%Ln replied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+92"/>
        <source>%Ln match the filters</source>
        <translation>
            <numerusform>%Ln matches the filters</numerusform>
            <numerusform>%Ln match the filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%Ln lead(s) selected</source>
        <translation>
            <numerusform>%Ln lead selected</numerusform>
            <numerusform>%Ln leads selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>Tags to add to %Ln selected lead(s), comma-separated:</source>
        <translation>
            <numerusform>Tags to add to %Ln selected lead, comma-separated:</numerusform>
            <numerusform>Tags to add to %Ln selected leads, comma-separated:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Updating %Ln lead(s)…</source>
        <translation>
            <numerusform>Updating %Ln lead…</numerusform>
            <numerusform>Updating %Ln leads…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailboxActions</name>
    <message numerus="yes">
        <location filename="../../app/ui/mailboxes/mailbox_actions.py" line="+196"/>
        <source>%Ln message(s) in the inbox</source>
        <translation>
            <numerusform>%Ln message in the inbox</numerusform>
            <numerusform>%Ln messages in the inbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>Syncing %n mailbox(es)…</source>
        <translation>
            <numerusform>Syncing %n mailbox…</numerusform>
            <numerusform>Syncing %n mailboxes…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailboxDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/mailboxes/mailbox_dialog.py" line="+289"/>
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+127"/>
        <source>Connected. %Ln message(s) in the inbox</source>
        <translation>
            <numerusform>Connected. %Ln message in the inbox</numerusform>
            <numerusform>Connected. %Ln messages in the inbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailboxTableModel</name>
    <message numerus="yes">
        <location filename="../../app/ui/mailboxes/mailbox_table_model.py" line="+140"/>
        <source>%n message(s) read</source>
        <translation>
            <numerusform>%n message read</numerusform>
            <numerusform>%n messages read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailboxesTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/mailboxes/mailboxes_tab.py" line="+265"/>
        <source>auto-sync every %n min</source>
        <translation>
            <numerusform>auto-sync every %n min</numerusform>
            <numerusform>auto-sync every %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="+518"/>
        <source>Its %n channel(s) and everything recorded for it are removed for good. Archiving hides the client but keeps its history.</source>
        <translation>
            <numerusform>Its %n channel and everything recorded for it are removed for good. Archiving hides the client but keeps its history.</numerusform>
            <numerusform>Its %n channels and everything recorded for it are removed for good. Archiving hides the client but keeps its history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+186"/>
        <source>%n conversion(s) written to {path}</source>
        <translation>
            <numerusform>%n conversion written to {path}</numerusform>
            <numerusform>%n conversions written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/overview/overview_page.py" line="+138"/>
        <source>%Ln lead(s)</source>
        <translation>
            <numerusform>%Ln lead</numerusform>
            <numerusform>%Ln leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n client(s) need attention</source>
        <translation>
            <numerusform>%n client needs attention</numerusform>
            <numerusform>%n clients need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/client_page.py" line="-179"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTableModel</name>
    <message numerus="yes">
        <location filename="../../app/ui/overview/overview_table_model.py" line="+105"/>
        <source>%n lead(s) in the previous period</source>
        <translation>
            <numerusform>%n lead in the previous period</numerusform>
            <numerusform>%n leads in the previous period</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolHealthBox</name>
    <message numerus="yes">
        <location filename="../../app/ui/visits/visits_tab.py" line="+107"/>
        <source>%1 of %n pool lead(s)</source>
        <translation>
            <numerusform>%1 of %n pool lead</numerusform>
            <numerusform>%1 of %n pool leads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintSheetsDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/addresses/print_dialog.py" line="+83"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n address</numerusform>
            <numerusform>%n addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+176"/>
        <source>Saved %n page(s) to {file}.</source>
        <translation>
            <numerusform>Saved %n page to {file}.</numerusform>
            <numerusform>Saved %n pages to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message numerus="yes">
        <location filename="../../app/ui/charts/time_chart.py" line="+110"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/visits/visits_tab.py" line="+244"/>
        <source>Rejected rows of %1 (%n)</source>
        <translation>
            <numerusform>Rejected rows of %1 (%n)</numerusform>
            <numerusform>Rejected rows of %1 (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n rejected row(s) saved.</source>
        <translation>
            <numerusform>%n rejected row saved.</numerusform>
            <numerusform>%n rejected rows saved.</numerusform>
        </translation>
    </message>
</context>
</TS>
