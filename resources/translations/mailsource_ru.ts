<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/about_dialog.py" line="+63"/>
        <source>About Mailsource</source>
        <translation>О программе Mailsource</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Third-Party Software</source>
        <translation>Сторонние компоненты</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Which advertising channel each inbound email came from, per client. Offline-first: the customers&apos; mail never leaves this computer.</source>
        <translation>Из какого рекламного канала пришло каждое входящее письмо — по каждому клиенту. Работает локально: почта клиентов никогда не покидает этот компьютер.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version:</source>
        <translation>Версия:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Python {python}, Qt {qt}, PySide6 {pyside}</source>
        <translation>Python {python}, Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder:</source>
        <translation>Папка данных:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logs:</source>
        <translation>Журналы:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Program folder:</source>
        <translation>Папка программы:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mailsource is free software under the GNU Lesser General Public License, version 3 or later. The Third-Party Software tab lists what it includes.</source>
        <translation>Mailsource — свободная программа, распространяемая на условиях GNU Lesser General Public License версии 3 или более поздней. Состав программы перечислен на вкладке «Сторонние компоненты».</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Qt {qt} and PySide6 {pyside} are used under the GNU Lesser General Public License, version 3 (LGPL-3.0), and you may replace them with your own build of the same version. This copy keeps the Qt libraries as separate files in:
{folder}
Quit Mailsource, replace the files there (and the PySide6 modules in the folder above, if you rebuilt those too), then start it again. psycopg (LGPL-3.0) can be replaced the same way. Sources: qt.io/download-open-source and code.qt.io/pyside/pyside-setup.</source>
        <translation>Qt {qt} и PySide6 {pyside} используются на условиях GNU Lesser General Public License версии 3 (LGPL-3.0), и вы можете заменить их собственной сборкой той же версии. В этой копии библиотеки Qt хранятся отдельными файлами в папке:
{folder}
Закройте Mailsource, замените там файлы (и модули PySide6 в папке выше, если вы пересобрали и их), затем снова запустите программу. Так же можно заменить psycopg (LGPL-3.0). Исходный код: qt.io/download-open-source и code.qt.io/pyside/pyside-setup.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>License</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Components</source>
        <translation>Компоненты</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>License text</source>
        <translation>Текст лицензии</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n component(s) in this program.</source>
        <translation>
            <numerusform>В программе %n компонент.</numerusform>
            <numerusform>В программе %n компонента.</numerusform>
            <numerusform>В программе %n компонентов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Needed by: {parent}</source>
        <translation>Требуется для: {parent}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No license file ships with this component.</source>
        <translation>Файл лицензии с этим компонентом не поставляется.</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Built with:</source>
        <translation>Работает на:</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Open Data Folder</source>
        <translation>Открыть папку данных</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Log Folder</source>
        <translation>Открыть папку журналов</translation>
    </message>
</context>
<context>
    <name>AddressSettingsDialog</name>
    <message>
        <location filename="../../app/ui/addresses/token_settings_dialog.py" line="+33"/>
        <source>Address style — {client}</source>
        <translation>Стиль адресов — {client}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Off (static addresses only)</source>
        <translation>Выключены (только статические адреса)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plus tokens ({example})</source>
        <translation>Токены через плюс ({example})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catch-all subdomain ({example})</source>
        <translation>Поддомен catch-all ({example})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Default style:</source>
        <translation>&amp;Стиль по умолчанию:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plus &amp;delimiter:</source>
        <translation>&amp;Разделитель плюс-адреса:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alias form:</source>
        <translation>Форма &amp;псевдонима:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-visit &amp;tokens:</source>
        <translation>&amp;Токены визитов:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token &amp;subdomain:</source>
        <translation>П&amp;оддомен токенов:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token &amp;length:</source>
        <translation>&amp;Длина токена:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The website shows the static address of its channel.</source>
        <translation>Сайт показывает статический адрес своего канала.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The website shows each visitor an address like {example}.</source>
        <translation>Сайт показывает каждому посетителю свой адрес, например {example}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The subdomain needs an MX record and a catch-all on the mail server.</source>
        <translation>Для поддомена нужны MX-запись и ящик catch-all на почтовом сервере.</translation>
    </message>
</context>
<context>
    <name>AddressSheets</name>
    <message>
        <location filename="../../app/ui/addresses/sheet_printing.py" line="+350"/>
        <source>Page {n} of {total}</source>
        <translation>Страница {n} из {total}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Advertising channel</source>
        <translation>Рекламный канал</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Email address to publish</source>
        <translation>Адрес для публикации</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The same address in Latin letters: {address}</source>
        <translation>Тот же адрес латиницей: {address}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Valid from {date}</source>
        <translation>Действует с {date}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scan to write an email</source>
        <translation>Наведите камеру, чтобы написать письмо</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address to publish</source>
        <translation>Адрес для публикации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>Действует с</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Tracking addresses</source>
        <translation>Адреса отслеживания</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>There is nothing to print.</source>
        <translation>Печатать нечего.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not start printing: the printer or file refused the job. Check that the printer is on and ready, then try again.</source>
        <translation>Не удалось начать печать: принтер или файл отклонил задание. Проверьте, что принтер включён и готов, и попробуйте ещё раз.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+13"/>
        <source>Could not start a new page: the printer stopped the job.</source>
        <translation>Не удалось начать новую страницу: принтер остановил задание.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tracking addresses — {client}</source>
        <translation>Адреса отслеживания — {client}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not save {file}: {reason}</source>
        <translation>Не удалось сохранить {file}: {reason}</translation>
    </message>
</context>
<context>
    <name>AddressStyle</name>
    <message>
        <location filename="../../app/ui/addresses/address_dialog.py" line="+41"/>
        <source>Plus addresses reach the main mailbox with no set-up on most mail services (Gmail, Yandex, Mail.ru, Microsoft 365).</source>
        <translation>Адреса с плюсом доставляются в основной ящик без настройки в большинстве почтовых сервисов (Gmail, Яндекс, Mail.ru, Microsoft 365).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alias addresses have no “+”, so every sender&apos;s form accepts them, but the mail admin must create each one as an alias of the main mailbox: export the alias list.</source>
        <translation>В псевдонимах нет «+», поэтому их примет любая форма на стороне отправителя, но администратор почты должен создать каждый из них как псевдоним основного ящика: выгрузите список псевдонимов.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Custom addresses are ones the client already has; they are entered or imported.</source>
        <translation>Собственные адреса — это те, что у клиента уже есть; их вводят вручную или импортируют.</translation>
    </message>
    <message>
        <location filename="../../app/ui/addresses/address_table_model.py" line="+33"/>
        <source>Plus address</source>
        <translation>Адрес с плюсом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>Псевдоним</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>Собственный</translation>
    </message>
</context>
<context>
    <name>AddressTableModel</name>
    <message>
        <location line="+33"/>
        <source>(deleted channel)</source>
        <translation>(канал удалён)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Style</source>
        <translation>Стиль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>Retired</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stored as {address}</source>
        <translation>Хранится как {address}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
</context>
<context>
    <name>AddressesTab</name>
    <message>
        <location filename="../../app/ui/addresses/addresses_tab.py" line="+120"/>
        <source>Generate…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new plus or alias address for a channel</source>
        <translation>Новый адрес с плюсом или псевдоним для канала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add custom…</source>
        <translation>Добавить свои…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste or load the client&apos;s own addresses</source>
        <translation>Вставить или загрузить собственные адреса клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes…</source>
        <translation>Заметки…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+184"/>
        <source>Retire…</source>
        <translation>Отключить…</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Address style…</source>
        <translation>Стиль адресов…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias list…</source>
        <translation>Псевдонимы…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print sheets…</source>
        <translation>Печать листов…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Show retired</source>
        <translation>Показывать отключённые</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;hannel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No main address</source>
        <translation>Нет основного адреса</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plus and alias addresses are made from the client&apos;s main address (such as info@client.ru), and this client has none yet. Set it in the client&apos;s details; or, if the client already has addresses of its own, add them as a custom list.</source>
        <translation>Адреса с плюсом и псевдонимы создаются из основного адреса клиента (например, info@client.ru), а у этого клиента его пока нет. Укажите его в данных клиента или, если у клиента уже есть свои адреса, добавьте их списком собственных адресов.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit client…</source>
        <translation>Изменить клиента…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No channels yet</source>
        <translation>Каналов пока нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every tracking address belongs to a channel: the billboard, TV spot or listing it is published on. Add the client&apos;s channels first.</source>
        <translation>Каждый адрес отслеживания относится к каналу — билборду, ТВ-ролику или объявлению, где он опубликован. Сначала добавьте каналы клиента.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the first channel…</source>
        <translation>Добавить первый канал…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No tracking addresses yet</source>
        <translation>Адресов отслеживания пока нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give each channel its own address, such as info+billboard@client.ru, and publish it in that channel&apos;s ads: every email to it is a lead from that channel.</source>
        <translation>Дайте каждому каналу свой адрес, например info+billboard@client.ru, и публикуйте его в рекламе этого канала: каждое письмо на него — обращение из этого канала.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate the first address…</source>
        <translation>Создать первый адрес…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n адрес</numerusform>
            <numerusform>%n адреса</numerusform>
            <numerusform>%n адресов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} of {total}</source>
        <translation>{shown} из {total}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reactivate…</source>
        <translation>Включить…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Address {address} created.</source>
        <translation>Адрес {address} создан.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n address(es) imported.</source>
        <translation>
            <numerusform>Импортирован %n адрес.</numerusform>
            <numerusform>Импортировано %n адреса.</numerusform>
            <numerusform>Импортировано %n адресов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{address} copied.</source>
        <translation>{address} скопирован.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Retire address</source>
        <translation>Отключение адреса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire {address}?</source>
        <translation>Отключить {address}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use this when the ad is gone. Mail that still arrives at the address keeps counting for its channel, and the address is never given to another channel. You can reactivate it later.</source>
        <translation>Отключайте адрес, когда реклама снята. Письма, которые ещё придут на него, по-прежнему засчитываются его каналу, а сам адрес никогда не достанется другому каналу. Позже его можно снова включить.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retire</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reactivate address</source>
        <translation>Включение адреса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactivate {address}?</source>
        <translation>Снова включить {address}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It becomes active again and can be printed.</source>
        <translation>Адрес снова станет активным, и его можно будет напечатать.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactivate</source>
        <translation>Включить</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{address} retired. Turn on “Show retired” to see it.</source>
        <translation>{address} отключён. Чтобы увидеть его, включите «Показывать отключённые».</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Saved {file}.</source>
        <translation>Сохранено: {file}.</translation>
    </message>
</context>
<context>
    <name>AliasExportDialog</name>
    <message>
        <location filename="../../app/ui/addresses/alias_export_dialog.py" line="+41"/>
        <source>Export the alias list — {client}</source>
        <translation>Экспорт списка псевдонимов — {client}</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n alias or custom address(es) must be delivered to the main mailbox. Send the CSV file and the instructions below to the client&apos;s mail administrator.</source>
        <translation>
            <numerusform>%n псевдоним или собственный адрес нужно доставлять в основной ящик. Отправьте CSV-файл и инструкцию ниже администратору почты клиента.</numerusform>
            <numerusform>%n псевдонима или собственных адреса нужно доставлять в основной ящик. Отправьте CSV-файл и инструкцию ниже администратору почты клиента.</numerusform>
            <numerusform>%n псевдонимов или собственных адресов нужно доставлять в основной ящик. Отправьте CSV-файл и инструкцию ниже администратору почты клиента.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This client has no active alias or custom addresses, so there is no alias list to set up. The instructions below still say how to check the addresses.</source>
        <translation>У этого клиента нет активных псевдонимов и собственных адресов, поэтому настраивать список псевдонимов не нужно. Инструкция ниже всё равно объясняет, как проверить адреса.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other mail server</source>
        <translation>Другой почтовый сервер</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save CSV…</source>
        <translation>Сохранить CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save instructions…</source>
        <translation>Сохранить инструкцию…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy instructions</source>
        <translation>Копировать инструкцию</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mail &amp;provider:</source>
        <translation>Почтовый &amp;сервис:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not save {file}: {reason}</source>
        <translation>Не удалось сохранить {file}: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved {file}.</source>
        <translation>Сохранено: {file}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the alias list</source>
        <translation>Сохранение списка псевдонимов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the instructions</source>
        <translation>Сохранение инструкции</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt)</source>
        <translation>Текстовые файлы (*.txt)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Instructions copied to the clipboard.</source>
        <translation>Инструкция скопирована в буфер обмена.</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/channel_dialog.py" line="+28"/>
        <source>New channel</source>
        <translation>Новый канал</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit channel</source>
        <translation>Изменение канала</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Billboard on Lenin avenue</source>
        <translation>например, Билборд на проспекте Ленина</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Colour of this channel in charts</source>
        <translation>Цвет канала на графиках</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where and when the ad runs, size, contract…</source>
        <translation>Где и когда идёт реклама, размер, договор…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active (new leads are expected from it)</source>
        <translation>Активен (из него ожидаются новые обращения)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;olour:</source>
        <translation>&amp;Цвет:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Placement notes:</source>
        <translation>&amp;Заметки о размещении:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Channel colour</source>
        <translation>Цвет канала</translation>
    </message>
</context>
<context>
    <name>ChannelKind</name>
    <message>
        <location filename="../../app/ui/models/channel_table_model.py" line="+29"/>
        <source>Offline</source>
        <translation>Офлайн</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
</context>
<context>
    <name>ChannelTableModel</name>
    <message>
        <location line="+25"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement notes</source>
        <translation>Заметки о размещении</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paused</source>
        <translation>Приостановлен</translation>
    </message>
</context>
<context>
    <name>ChannelsTab</name>
    <message>
        <location filename="../../app/ui/client_page.py" line="+155"/>
        <source>Add channel…</source>
        <translation>Добавить канал…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Pause</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No channels yet</source>
        <translation>Каналов пока нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the places where this client advertises: a billboard, a TV spot, a newspaper, a map listing, Avito or the website. Each channel gets its own tracking address.</source>
        <translation>Добавьте места, где рекламируется клиент: билборд, ТВ-ролик, газету, карточку на картах, Авито или сайт. Каждый канал получит свой адрес отслеживания.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the first channel…</source>
        <translation>Добавить первый канал…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/client_dialog.py" line="+18"/>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit client</source>
        <translation>Изменение клиента</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Dental clinic “Smile”</source>
        <translation>например, Стоматология «Улыбка»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>client.ru, client.рф</source>
        <translation>client.ru, client.рф</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client&apos;s own email domains, separated by commas. Mail from these domains is not counted as a lead. The main address&apos;s domain is added automatically.</source>
        <translation>Собственные почтовые домены клиента через запятую. Письма с этих доменов не считаются обращениями. Домен основного адреса добавляется автоматически.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Contract, contacts, reporting schedule…</source>
        <translation>Договор, контакты, график отчётов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main &amp;address:</source>
        <translation>Основной &amp;адрес:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email &amp;domains:</source>
        <translation>&amp;Домены почты:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Currency:</source>
        <translation>&amp;Валюта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <location filename="../../app/ui/models/client_list_model.py" line="+45"/>
        <location line="+21"/>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message numerus="yes">
        <location line="-4"/>
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n канал</numerusform>
            <numerusform>%n канала</numerusform>
            <numerusform>%n каналов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListPanel</name>
    <message>
        <location filename="../../app/ui/client_list.py" line="+31"/>
        <source>Search clients</source>
        <translation>Поиск клиентов</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show archived clients</source>
        <translation>Показывать клиентов в архиве</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New client…</source>
        <translation>Новый клиент…</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <location filename="../../app/ui/client_page.py" line="+23"/>
        <source>This client is archived: it is hidden from the list and its reports.</source>
        <translation>Клиент в архиве: он скрыт из списка клиентов и из отчётов.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore</source>
        <translation>Вернуть из архива</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+39"/>
        <source>Addresses</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+44"/>
        <source>Mailboxes</source>
        <translation>Почтовые ящики</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Leads</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs</source>
        <translation>Расходы</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n канал</numerusform>
            <numerusform>%n канала</numerusform>
            <numerusform>%n каналов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Channels ({n})</source>
        <translation>Каналы ({n})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Addresses ({n})</source>
        <translation>Адреса ({n})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mailboxes ({n})</source>
        <translation>Почтовые ящики ({n})</translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message>
        <location filename="../../app/ui/costs/cost_dialog.py" line="+38"/>
        <source>Edit Cost</source>
        <translation>Изменить расход</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Cost</source>
        <translation>Новый расход</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whole month</source>
        <translation>Весь месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date range</source>
        <translation>Диапазон дат</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>45 000</source>
        <translation>45 000</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Costs are kept in the client&apos;s currency ({currency}); no rates are applied.</source>
        <translation>Расходы ведутся в валюте клиента ({currency}); курсы не пересчитываются.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invoice 17, print run of 5,000</source>
        <translation>Счёт № 17, тираж 5000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month:</source>
        <translation>Месяц:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates:</source>
        <translation>Даты:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency:</source>
        <translation>Валюта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
</context>
<context>
    <name>CostTableModel</name>
    <message>
        <location filename="../../app/ui/costs/cost_table_model.py" line="+74"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
</context>
<context>
    <name>CostsTab</name>
    <message>
        <location filename="../../app/ui/costs/costs_tab.py" line="+79"/>
        <source>Add Cost…</source>
        <translation>Добавить расход…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import CSV…</source>
        <translation>Импорт из CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns: channel; period (2026-03 or 01.03.2026..15.03.2026) or from and to; amount; currency; note</source>
        <translation>Столбцы: канал; период (2026-03 или 01.03.2026..15.03.2026) либо «с» и «по»; сумма; валюта; примечание</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import Deals from CRM…</source>
        <translation>Импорт сделок из CRM…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A CSV export of the CRM with the deal amount and either the lead number or the sender&apos;s address and date</source>
        <translation>Выгрузка CRM в CSV с суммой сделки и номером обращения либо адресом отправителя и датой</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No costs yet</source>
        <translation>Расходов пока нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter what each channel cost, for a month or any date range: the agency&apos;s ad budget, a billboard&apos;s rent, a print run, a TV slot. The reports then show the cost per lead and the return on ad spend.</source>
        <translation>Укажите, сколько стоил каждый канал — за месяц или за любой период: рекламный бюджет, аренда билборда, тираж, эфир на ТВ. Тогда отчёты покажут стоимость обращения и окупаемость рекламы.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the first cost…</source>
        <translation>Добавить первый расход…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Delete cost</source>
        <translation>Удаление расхода</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the cost of “{channel}” for {period}?</source>
        <translation>Удалить расход «{channel}» за {period}?</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Import Costs</source>
        <translation>Импорт расходов</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Import Deals from CRM</source>
        <translation>Импорт сделок из CRM</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing costs…</source>
        <translation>Импорт расходов…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs Imported</source>
        <translation>Расходы импортированы</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importing deals…</source>
        <translation>Импорт сделок…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deals Imported</source>
        <translation>Сделки импортированы</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/crash.py" line="+58"/>
        <source>Mailsource hit a problem</source>
        <translation>В Mailsource произошла ошибка</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong inside Mailsource. Your data is safe: the operation was not saved. You can continue working; if it happens again, send the report below to your administrator or the developers.</source>
        <translation>Внутри Mailsource что-то пошло не так. Ваши данные в сохранности: операция не была сохранена. Можно продолжить работу; если ошибка повторится, отправьте отчёт ниже администратору или разработчикам.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy report</source>
        <translation>Копировать отчёт</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open log folder</source>
        <translation>Открыть папку журналов</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>CustomListDialog</name>
    <message>
        <location filename="../../app/ui/addresses/address_dialog.py" line="+158"/>
        <source>Add custom addresses</source>
        <translation>Добавление собственных адресов</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As named on each line (or none)</source>
        <translation>Как указано в строке (или без канала)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One address per line, on the client&apos;s domains ({domains}). A line may name its channel after a comma or semicolon: “tv1@client.ru; TV”. Lines starting with # are skipped. Nothing is saved until every line is right.</source>
        <translation>По одному адресу в строке, на доменах клиента ({domains}). После запятой или точки с запятой можно указать канал: «tv1@client.ru; ТВ». Строки, начинающиеся с #, пропускаются. Пока все строки не будут правильными, ничего не сохраняется.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load TXT or CSV file…</source>
        <translation>Загрузить файл TXT или CSV…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Addresses:</source>
        <translation>&amp;Адреса:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Load an address list</source>
        <translation>Загрузка списка адресов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address lists (*.txt *.csv);;All files (*)</source>
        <translation>Списки адресов (*.txt *.csv);;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n адрес</numerusform>
            <numerusform>%n адреса</numerusform>
            <numerusform>%n адресов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n bad line(s)</source>
        <translation>
            <numerusform>%n ошибочная строка</numerusform>
            <numerusform>%n ошибочные строки</numerusform>
            <numerusform>%n ошибочных строк</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Importing addresses…</source>
        <translation>Импорт адресов…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Nothing was imported: %n line(s) need fixing.</source>
        <translation>
            <numerusform>Ничего не импортировано: нужно исправить %n строку.</numerusform>
            <numerusform>Ничего не импортировано: нужно исправить %n строки.</numerusform>
            <numerusform>Ничего не импортировано: нужно исправить %n строк.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../app/ui/reports/report_series.py" line="+99"/>
        <source>New contacts</source>
        <translation>Новые обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat contacts</source>
        <translation>Повторные обращения</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../app/ui/reports/dashboard_tab.py" line="+119"/>
        <source>Auto step</source>
        <translation>Шаг: авто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Report…</source>
        <translation>Экспорт отчёта…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Leads</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracked</source>
        <translation>Отслежено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Leads that came through a tracking address</source>
        <translation>Обращения, пришедшие на адрес отслеживания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost</source>
        <translation>Расход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost per lead</source>
        <translation>Стоимость обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROAS</source>
        <translation>ROAS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue divided by cost</source>
        <translation>Выручка, делённая на расход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median reply</source>
        <translation>Медиана ответа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>90% replied within</source>
        <translation>90% ответов за</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The 90th percentile of the reply time</source>
        <translation>90-й процентиль времени ответа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not replied</source>
        <translation>Без ответа</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+59"/>
        <source>No leads in this period</source>
        <translation>За этот период обращений нет</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Leads over time, by channel</source>
        <translation>Динамика обращений по каналам</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a longer period or check that the mailbox syncs.</source>
        <translation>Выберите период длиннее или проверьте, что почта синхронизируется.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leads by channel</source>
        <translation>Обращения по каналам</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>No lead came in this period.</source>
        <translation>За этот период не пришло ни одного обращения.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Cost per lead by channel</source>
        <translation>Стоимость обращения по каналам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No costs entered</source>
        <translation>Расходы не указаны</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter what each channel cost on the Costs tab to see the cost per lead.</source>
        <translation>Укажите расходы по каналам на вкладке «Расходы», чтобы увидеть стоимость обращения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New and repeat contacts</source>
        <translation>Новые и повторные обращения</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reply time</source>
        <translation>Время ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No replies yet</source>
        <translation>Ответов пока нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply times appear once the client answers leads from the synced mailbox.</source>
        <translation>Время ответа появится, когда клиент начнёт отвечать на обращения из синхронизируемого ящика.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top sources</source>
        <translation>Основные источники</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>No visits matched</source>
        <translation>Визиты не сопоставлены</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No source known.</source>
        <translation>Источник неизвестен.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top campaigns</source>
        <translation>Основные кампании</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No campaign known.</source>
        <translation>Кампания неизвестна.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top keywords</source>
        <translation>Основные ключевые фразы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No keyword known.</source>
        <translation>Ключевая фраза неизвестна.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Nothing was received in the chosen period. Pick a longer period, or check the Mailboxes tab: leads appear once the client&apos;s mailbox is synced.</source>
        <translation>За выбранный период писем не было. Выберите период длиннее или проверьте вкладку «Почтовые ящики»: обращения появляются после синхронизации ящика клиента.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../app/ui/errors.py" line="+30"/>
        <source>Mailsource</source>
        <translation>Mailsource</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+21"/>
        <source>Show details</source>
        <translation>Показать подробности</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide details</source>
        <translation>Скрыть подробности</translation>
    </message>
</context>
<context>
    <name>ExportConversionsDialog</name>
    <message>
        <location filename="../../app/ui/reports/export_dialog.py" line="+241"/>
        <source>Export Offline Conversions</source>
        <translation>Экспорт офлайн-конверсий</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yandex Metrica (by ClientID)</source>
        <translation>Яндекс Метрика (по ClientID)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Google Ads (by GCLID)</source>
        <translation>Google Ads (по GCLID)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The goal identifier (Metrica) or conversion name (Google Ads) to report</source>
        <translation>Идентификатор цели (Метрика) или название конверсии (Google Ads)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only leads that became deals</source>
        <translation>Только обращения, ставшие сделками</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only leads matched to a website visit that carries the id are written; deal amounts go in as the conversion value.</source>
        <translation>Записываются только обращения, сопоставленные с визитом на сайт, у которого есть идентификатор; суммы сделок передаются как ценность конверсии.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ad system:</source>
        <translation>Рекламная система:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal:</source>
        <translation>Цель:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to:</source>
        <translation>Сохранить в:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location line="-220"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Could not write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Exporting the report…</source>
        <translation>Экспорт отчёта…</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Exporting conversions…</source>
        <translation>Экспорт конверсий…</translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message>
        <location line="-244"/>
        <location line="+84"/>
        <source>Export Report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>PDF report for the client</source>
        <translation>Отчёт для клиента в PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (XLSX)</source>
        <translation>Книга Excel (XLSX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files, one per table</source>
        <translation>Файлы CSV, по одному на таблицу</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Semicolon “;” (Excel in Russian)</source>
        <translation>Точка с запятой «;» (русский Excel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma “,”</source>
        <translation>Запятая «,»</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Shown on the cover</source>
        <translation>Указывается на обложке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include the list of leads</source>
        <translation>Включить список обращений</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PDF lists at most 1,000 leads.</source>
        <translation>В PDF попадает не больше 1000 обращений.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delimiter:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency:</source>
        <translation>Агентство:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save to:</source>
        <translation>Сохранить в:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/ui/leads/filters.py" line="+138"/>
        <source>New and repeat</source>
        <translation>Новые и повторные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contacts</source>
        <translation>Новые обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat contacts</source>
        <translation>Повторные обращения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replied or not</source>
        <translation>С ответом и без</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>С ответом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not replied</source>
        <translation>Без ответа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tags, comma-separated</source>
        <translation>Метки через запятую</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leads carrying every one of these tags</source>
        <translation>Обращения, у которых есть все эти метки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Medium</source>
        <translation>Тип трафика</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyword</source>
        <translation>Ключевая фраза</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only leads whose website visit has exactly this value (dynamic tracking)</source>
        <translation>Только обращения, у визита которых именно это значение (динамическое отслеживание)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visit filters</source>
        <translation>Фильтры визита</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by the source, medium, campaign or keyword of the website visit</source>
        <translation>Фильтр по источнику, типу трафика, кампании или ключевой фразе визита на сайт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
</context>
<context>
    <name>FolderRole</name>
    <message>
        <location filename="../../app/ui/mailboxes/mailboxes_tab.py" line="+39"/>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spam</source>
        <translation>Спам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Другая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent (replies)</source>
        <translation>Отправленные (ответы)</translation>
    </message>
</context>
<context>
    <name>GenerateAddressDialog</name>
    <message>
        <location filename="../../app/ui/addresses/address_dialog.py" line="-247"/>
        <source>Generate a tracking address</source>
        <translation>Создание адреса отслеживания</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plus address (info+tag@…)</source>
        <translation>Адрес с плюсом (info+tag@…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias (without “+”)</source>
        <translation>Псевдоним (без «+»)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>latin letters, digits, - or _</source>
        <translation>латинские буквы, цифры, - или _</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Which billboard, issue or print run…</source>
        <translation>Какой билборд, выпуск или тираж…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Style:</source>
        <translation>&amp;Стиль:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tag:</source>
        <translation>&amp;Метка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The client has no main address to make plus or alias addresses from.</source>
        <translation>У клиента нет основного адреса, из которого создаются адреса с плюсом и псевдонимы.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{address} already exists for this client; choose another tag.</source>
        <translation>{address} у этого клиента уже есть; выберите другую метку.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/ui/visits/import_dialog.py" line="+177"/>
        <source>Import visits</source>
        <translation>Импорт визитов</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Found in the file</source>
        <translation>Найдено в файле</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This export writes local times: choose the time zone of the analytics.</source>
        <translation>В этой выгрузке местное время: выберите часовой пояс системы аналитики.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Times in this export are UTC: the time zone is not needed.</source>
        <translation>Время в этой выгрузке указано в UTC: часовой пояс не нужен.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site time zone</source>
        <translation>Часовой пояс сайта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map Columns…</source>
        <translation>Сопоставить столбцы…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Column mapping</source>
        <translation>Схема столбцов</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First rows</source>
        <translation>Первые строки</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(none saved yet: map the columns)</source>
        <translation>(пока нет — сопоставьте столбцы)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unknown time zone: %1</source>
        <translation>Неизвестный часовой пояс: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Map the file&apos;s columns first.</source>
        <translation>Сначала сопоставьте столбцы файла.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryTableModel</name>
    <message>
        <location filename="../../app/ui/visits/history_model.py" line="+61"/>
        <location line="+44"/>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Новых</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Обновлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Robots</source>
        <translation>Роботы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits from – to</source>
        <translation>Визиты с – по</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Failed, nothing kept</source>
        <translation>Ошибка, ничего не сохранено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled, nothing kept</source>
        <translation>Отменено, ничего не сохранено</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/costs/import_report_dialog.py" line="+92"/>
        <source>%n line(s) read from {file}.</source>
        <translation>
            <numerusform>Прочитана %n строка из {file}.</numerusform>
            <numerusform>Прочитано %n строки из {file}.</numerusform>
            <numerusform>Прочитано %n строк из {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added: {added} · updated: {updated} · unchanged: {unchanged} · not used: {rejected}</source>
        <translation>Добавлено: {added} · обновлено: {updated} · без изменений: {unchanged} · не использовано: {rejected}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Every line was used.</source>
        <translation>Использованы все строки.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Unused Lines…</source>
        <translation>Сохранить неиспользованные строки…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was not used</source>
        <translation>Почему не использована</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Unused Lines</source>
        <translation>Неиспользованные строки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>LeadDetail</name>
    <message>
        <location filename="../../app/ui/leads/lead_detail.py" line="+95"/>
        <source>From:</source>
        <translation>От:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received:</source>
        <translation>Получено:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply:</source>
        <translation>Ответ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients:</source>
        <translation>Получатели:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments:</source>
        <translation>Вложения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a lead:</source>
        <translation>Отсеяно:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit:</source>
        <translation>Визит:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The email has no text.</source>
        <translation>В письме нет текста.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Email</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website Visit</source>
        <translation>Визит на сайт</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>vip, wholesale</source>
        <translation>vip, опт</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This Is a Lead</source>
        <translation>Это обращение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count this email as a lead: it moves to the journal with its channel.</source>
        <translation>Считать письмо обращением: оно перейдёт в журнал со своим каналом.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lead</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal:</source>
        <translation>Сделка:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a lead to see the email.</source>
        <translation>Выберите обращение, чтобы увидеть письмо.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>repeat contact</source>
        <translation>повторное обращение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untracked: sent to no tracking address</source>
        <translation>Не отслежено: письмо пришло не на адрес отслеживания</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{when}, after {duration}</source>
        <translation>{when}, через {duration}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No reply found yet</source>
        <translation>Ответ пока не найден</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Waiting: the visit is not imported yet</source>
        <translation>Ожидание: визит ещё не загружен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No visit found</source>
        <translation>Визит не найден</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>by token</source>
        <translation>по токену</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by address pool</source>
        <translation>по пулу адресов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matched {how}</source>
        <translation>сопоставлен {how}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n visit(s) were shown this address</source>
        <translation>
            <numerusform>этот адрес показан %n визиту</numerusform>
            <numerusform>этот адрес показан %n визитам</numerusform>
            <numerusform>этот адрес показан %n визитам</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Started:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analytics:</source>
        <translation>Аналитика:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit id:</source>
        <translation>ID визита:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic:</source>
        <translation>Тип трафика:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium:</source>
        <translation>Тип трафика:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign:</source>
        <translation>Кампания:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyword:</source>
        <translation>Ключевая фраза:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content:</source>
        <translation>Объявление:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrer:</source>
        <translation>Реферер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landing page:</source>
        <translation>Страница входа:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country:</source>
        <translation>Страна:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City:</source>
        <translation>Город:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>Устройство:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System:</source>
        <translation>ОС:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browser:</source>
        <translation>Браузер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen:</source>
        <translation>Экран:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration:</source>
        <translation>Длительность:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages viewed:</source>
        <translation>Просмотрено страниц:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New visitor:</source>
        <translation>Новый посетитель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Токен:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool address:</source>
        <translation>Адрес из пула:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrica ClientID:</source>
        <translation>ClientID Метрики:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GA user id:</source>
        <translation>ID пользователя GA:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GCLID:</source>
        <translation>GCLID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matomo visitor:</source>
        <translation>Посетитель Matomo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact action:</source>
        <translation>Действие:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact page:</source>
        <translation>Страница контакта:</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <location filename="../../app/ui/leads/lead_table_model.py" line="+351"/>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untracked</source>
        <translation>Не отслежено</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="-294"/>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 мин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{m} min</source>
        <translation>{m} мин</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{h} h</source>
        <translation>{h} ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{h} h {m} min</source>
        <translation>{h} ч {m} мин</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{d} d</source>
        <translation>{d} дн.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{d} d {h} h</source>
        <translation>{d} дн. {h} ч</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Auto-reply</source>
        <translation>Автоответ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounce or delivery report</source>
        <translation>Недоставка или отчёт о доставке</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From the client&apos;s own domain</source>
        <translation>С собственного домена клиента</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reply in an existing thread</source>
        <translation>Ответ в существующей переписке</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bulk mail or newsletter</source>
        <translation>Массовая рассылка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as not a lead</source>
        <translation>Отмечено как не обращение</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response time</source>
        <translation>Время ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why not a lead</source>
        <translation>Причина отсева</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The sender wrote to this client before</source>
        <translation>Отправитель уже писал этому клиенту</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent to {address}</source>
        <translation>Отправлено на {address}</translation>
    </message>
</context>
<context>
    <name>LeadsTab</name>
    <message>
        <location filename="../../app/ui/leads/leads_tab.py" line="+130"/>
        <source>Search sender, subject or text</source>
        <translation>Поиск по отправителю, теме или тексту</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+270"/>
        <source>Filtered out</source>
        <translation>Отсеянные</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>Show the mail that is not counted as leads: auto-replies, bounces, mail from the client&apos;s own domain and replies inside an existing thread.</source>
        <translation>Показать письма, которые не считаются обращениями: автоответы, недоставленные письма, письма с собственного домена клиента и ответы в уже идущей переписке.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Match again</source>
        <translation>Сопоставить заново</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attribute the stored mail again after tracking addresses were added or changed; nothing is fetched from the server.</source>
        <translation>Заново распределить сохранённые письма по каналам после добавления или изменения адресов отслеживания; с сервера ничего не загружается.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add Tags…</source>
        <translation>Добавить метки…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add tags to every selected lead</source>
        <translation>Добавить метки всем выбранным обращениям</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set status…</source>
        <translation>Задать статус…</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>No leads yet</source>
        <translation>Обращений пока нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leads appear here once the client&apos;s mailbox is synced: every inbound email, with the channel it came from, whether the sender wrote before and how fast the client replied.</source>
        <translation>Обращения появятся здесь после синхронизации почтового ящика клиента: каждое входящее письмо с каналом, из которого оно пришло, пометкой, писал ли отправитель раньше, и тем, как быстро ответил клиент.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a mailbox…</source>
        <translation>Добавить почтовый ящик…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <location line="+100"/>
        <source>%Ln lead(s)</source>
        <translation>
            <numerusform>%Ln обращение</numerusform>
            <numerusform>%Ln обращения</numerusform>
            <numerusform>%Ln обращений</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{share}% tracked</source>
        <translation>{share}% отслежено</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln repeat</source>
        <translation>
            <numerusform>%Ln повторное</numerusform>
            <numerusform>%Ln повторных</numerusform>
            <numerusform>%Ln повторных</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln replied</source>
        <translation>
            <numerusform>%Ln с ответом</numerusform>
            <numerusform>%Ln с ответом</numerusform>
            <numerusform>%Ln с ответом</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filtered out ({n})</source>
        <translation>Отсеянные ({n})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untracked</source>
        <translation>Не отслежено</translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%Ln match the filters</source>
        <translation>
            <numerusform>%Ln подходит под фильтры</numerusform>
            <numerusform>%Ln подходят под фильтры</numerusform>
            <numerusform>%Ln подходят под фильтры</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing matches “{text}”.</source>
        <translation>По запросу «{text}» ничего не найдено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No leads match these filters.</source>
        <translation>Под эти фильтры не подходит ни одно обращение.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No mail was filtered out.</source>
        <translation>Отсеянных писем нет.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No leads from this channel yet.</source>
        <translation>Из этого канала обращений пока нет.</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%Ln lead(s) selected</source>
        <translation>
            <numerusform>Выбрано %Ln обращение</numerusform>
            <numerusform>Выбрано %Ln обращения</numerusform>
            <numerusform>Выбрано %Ln обращений</numerusform>
        </translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Add Tags</source>
        <translation>Добавить метки</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Tags to add to %Ln selected lead(s), comma-separated:</source>
        <translation>
            <numerusform>Метки для %Ln выбранного обращения, через запятую:</numerusform>
            <numerusform>Метки для %Ln выбранных обращений, через запятую:</numerusform>
            <numerusform>Метки для %Ln выбранных обращений, через запятую:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Updating %Ln lead(s)…</source>
        <translation>
            <numerusform>Обновление %Ln обращения…</numerusform>
            <numerusform>Обновление %Ln обращений…</numerusform>
            <numerusform>Обновление %Ln обращений…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailboxActions</name>
    <message>
        <location filename="../../app/ui/mailboxes/mailbox_actions.py" line="+113"/>
        <source>Mailbox {name} added. Sync it to read its mail.</source>
        <translation>Почтовый ящик {name} добавлен. Синхронизируйте его, чтобы прочитать почту.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{name} is syncing. Cancel the sync or wait for it, then remove it.</source>
        <translation>{name} синхронизируется. Отмените синхронизацию или дождитесь её окончания, затем удалите ящик.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove mailbox</source>
        <translation>Удаление почтового ящика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the mailbox {name}?</source>
        <translation>Удалить почтовый ящик {name}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leads already read from it stay with the client. Its password is deleted from the system keyring; nothing on the mail server changes.</source>
        <translation>Уже прочитанные из него обращения останутся у клиента. Пароль ящика будет удалён из системного хранилища паролей; на почтовом сервере ничего не изменится.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mailbox {name} removed.</source>
        <translation>Почтовый ящик {name} удалён.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connected to {host} as {user}.</source>
        <translation>Подключено к {host} как {user}.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln message(s) in the inbox</source>
        <translation>
            <numerusform>Во «Входящих» %Ln письмо</numerusform>
            <numerusform>Во «Входящих» %Ln письма</numerusform>
            <numerusform>Во «Входящих» %Ln писем</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folders: {names}.</source>
        <translation>папки: {names}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test connection</source>
        <translation>Проверка подключения</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting to {host}…</source>
        <translation>Подключение к {host}…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Leads matched again: channels updated.</source>
        <translation>Обращения сопоставлены заново: каналы обновлены.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leads matched again: nothing changed.</source>
        <translation>Обращения сопоставлены заново: ничего не изменилось.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Matching the stored mail again…</source>
        <translation>Повторное сопоставление сохранённых писем…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} is already syncing.</source>
        <translation>{name} уже синхронизируется.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This client has no mailbox to sync yet.</source>
        <translation>У этого клиента пока нет почтового ящика для синхронизации.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Syncing %n mailbox(es)…</source>
        <translation>
            <numerusform>Синхронизация %n почтового ящика…</numerusform>
            <numerusform>Синхронизация %n почтовых ящиков…</numerusform>
            <numerusform>Синхронизация %n почтовых ящиков…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Syncing {what}</source>
        <translation>Синхронизация: {what}</translation>
    </message>
</context>
<context>
    <name>MailboxDialog</name>
    <message>
        <location filename="../../app/ui/mailboxes/mailbox_dialog.py" line="+54"/>
        <source>Edit mailbox</source>
        <translation>Изменение почтового ящика</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add mailbox</source>
        <translation>Добавление почтового ящика</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Optional, e.g. “Sales inbox”</source>
        <translation>Необязательно, например «Отдел продаж»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Without encryption the password and the mail travel over the network in the clear. Use it only inside a network you trust.</source>
        <translation>Без шифрования пароль и письма передаются по сети в открытом виде. Используйте это только в сети, которой доверяете.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I accept this risk</source>
        <translation>Я принимаю этот риск</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only for a server with its own certificate</source>
        <translation>Для сервера со своим сертификатом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Logs in and lists the folders, so you can choose what to read.</source>
        <translation>Вход на сервер и получение списка папок для выбора.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>None: response times not measured</source>
        <translation>Нет: время ответа не измеряется</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>Выкл.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include in “Sync All” and auto-sync</source>
        <translation>Синхронизировать со всеми и по расписанию</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider:</source>
        <translation>Почтовый сервис:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name:</source>
        <translation>Отображаемое имя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP server:</source>
        <translation>Сервер IMAP:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security:</source>
        <translation>Защита:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA certificate:</source>
        <translation>Сертификат ЦС:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to read</source>
        <translation>Что читать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folders to read:</source>
        <translation>Папки для чтения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent folder:</source>
        <translation>Папка отправленных:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync emails since:</source>
        <translation>Письма начиная с:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-sync every:</source>
        <translation>Проверять каждые:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Stored in the system keyring; type to replace it</source>
        <translation>Сохранён в хранилище паролей; введите новый для замены</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Provider help</source>
        <translation>Справка провайдера</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>CA certificate of the mail server</source>
        <translation>Сертификат ЦС почтового сервера</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Сертификаты (*.pem *.crt *.cer);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>spam</source>
        <translation>спам</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent mail</source>
        <translation>отправленные</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln письмо</numerusform>
            <numerusform>%Ln письма</numerusform>
            <numerusform>%Ln писем</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not found on the server</source>
        <translation>не найдена на сервере</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Enter the password (for most providers an app password made for mail programs). It is stored in the system keyring only.</source>
        <translation>Введите пароль (у большинства почтовых сервисов — пароль приложения, созданный для почтовых программ). Он хранится только в системном хранилище паролей.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Confirm the unencrypted connection first, or choose SSL/TLS or STARTTLS.</source>
        <translation>Сначала подтвердите подключение без шифрования или выберите SSL/TLS либо STARTTLS.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the user name and the IMAP server first.</source>
        <translation>Сначала введите имя пользователя и сервер IMAP.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the password first.</source>
        <translation>Сначала введите пароль.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connecting to {host}…</source>
        <translation>Подключение к {host}…</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Connected. %Ln message(s) in the inbox</source>
        <translation>
            <numerusform>Подключено. Во «Входящих» %Ln письмо</numerusform>
            <numerusform>Подключено. Во «Входящих» %Ln письма</numerusform>
            <numerusform>Подключено. Во «Входящих» %Ln писем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n папка</numerusform>
            <numerusform>%n папки</numerusform>
            <numerusform>%n папок</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent mail in “{name}”</source>
        <translation>отправленные — в «{name}»</translation>
    </message>
</context>
<context>
    <name>MailboxTableModel</name>
    <message>
        <location filename="../../app/ui/mailboxes/mailbox_table_model.py" line="+94"/>
        <source>Mailbox</source>
        <translation>Почтовый ящик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folders</source>
        <translation>Папки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Sent folder: {name}</source>
        <translation>Папка отправленных: {name}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n message(s) read</source>
        <translation>
            <numerusform>Прочитано %n письмо</numerusform>
            <numerusform>Прочитано %n письма</numerusform>
            <numerusform>Прочитано %n писем</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailboxesTab</name>
    <message>
        <location filename="../../app/ui/mailboxes/mailboxes_tab.py" line="+44"/>
        <source>Add mailbox…</source>
        <translation>Добавить ящик…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel sync</source>
        <translation>Отменить синхронизацию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read for</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages read</source>
        <translation>Прочитано писем</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>Последняя синхронизация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No mailbox yet</source>
        <translation>Почтовых ящиков пока нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect the client&apos;s mailbox: Mailsource reads it over IMAP, read-only, and files every inbound email as a lead with the channel it came from. Nothing on the server is ever changed.</source>
        <translation>Подключите почтовый ящик клиента: Mailsource читает его по IMAP только для чтения и записывает каждое входящее письмо как обращение с каналом, из которого оно пришло. На сервере никогда ничего не меняется.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the client&apos;s mailbox…</source>
        <translation>Добавить почтовый ящик клиента…</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Last sync {when}: {result}</source>
        <translation>Последняя синхронизация {when}: {result}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reads mail since {date}</source>
        <translation>Читает письма с даты: {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reads mail of the last 90 days</source>
        <translation>Читает письма за последние 90 дней</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>auto-sync every %n min</source>
        <translation>
            <numerusform>автосинхронизация раз в %n мин</numerusform>
            <numerusform>автосинхронизация раз в %n мин</numerusform>
            <numerusform>автосинхронизация раз в %n мин</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no auto-sync</source>
        <translation>без автосинхронизации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{since}; {auto}.</source>
        <translation>{since}; {auto}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folders:</source>
        <translation>Папки:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+68"/>
        <source>Welcome to Mailsource</source>
        <translation>Добро пожаловать в Mailsource</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a client project for each customer of the agency: its domains, its mailbox and the channels where it advertises. Mailsource then tells you which channel every inbound email came from.</source>
        <translation>Создайте проект для каждого клиента агентства: его домены, почтовый ящик и каналы, где он рекламируется. После этого Mailsource покажет, из какого канала пришло каждое входящее письмо.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create the first client…</source>
        <translation>Создать первого клиента…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No client selected</source>
        <translation>Клиент не выбран</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a client on the left, or create a new one.</source>
        <translation>Выберите клиента слева или создайте нового.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening the data…</source>
        <translation>Открытие данных…</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>&amp;New Client…</source>
        <translation>Новый &amp;клиент…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit Client…</source>
        <translation>&amp;Изменить клиента…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Archive Client</source>
        <translation>&amp;Архивировать клиента</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore Client</source>
        <translation>&amp;Вернуть клиента из архива</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete Client…</source>
        <translation>&amp;Удалить клиента…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;Channel…</source>
        <translation>Новый &amp;канал…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find Client</source>
        <translation>&amp;Найти клиента</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;gency Overview</source>
        <translation>&amp;Сводка по агентству</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Report…</source>
        <translation>Экспорт &amp;отчёта…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Offline Conversions…</source>
        <translation>Экспорт офлайн-&amp;конверсий…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;Archived Clients</source>
        <translation>Показывать клиентов в &amp;архиве</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Overview</source>
        <translation>&amp;Обзор</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hannels</source>
        <translation>&amp;Каналы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Addresses</source>
        <translation>А&amp;дреса</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Print Address Sheets…</source>
        <translation>&amp;Печать листов с адресами…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport Alias List…</source>
        <translation>&amp;Экспорт списка псевдонимов…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address &amp;Style…</source>
        <translation>&amp;Стиль адресов…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add &amp;Mailbox…</source>
        <translation>&amp;Добавить почтовый ящик…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;ync Now</source>
        <translation>Синх&amp;ронизировать сейчас</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync &amp;All</source>
        <translation>Синхронизировать вс&amp;е</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Mailsource</source>
        <translation>&amp;О программе Mailsource</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Client</source>
        <translation>&amp;Клиент</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>[demo data]</source>
        <translation>[демо-данные]</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Data: {where}</source>
        <translation>Данные: {where}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team server: {where}</source>
        <translation>Командный сервер: {where}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Client “{name}” created.</source>
        <translation>Клиент «{name}» создан.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>“{name}” archived. Turn on “Show archived clients” to see it.</source>
        <translation>«{name}» перемещён в архив. Чтобы увидеть его, включите «Показывать клиентов в архиве».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” restored.</source>
        <translation>«{name}» возвращён из архива.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete client</source>
        <translation>Удаление клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{name}” and all of its data?</source>
        <translation>Удалить «{name}» и все его данные?</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Its %n channel(s) and everything recorded for it are removed for good. Archiving hides the client but keeps its history.</source>
        <translation>
            <numerusform>Его %n канал и всё, что по нему записано, будут удалены безвозвратно. Архивирование скрывает клиента, но сохраняет его историю.</numerusform>
            <numerusform>Его %n канала и всё, что по нему записано, будут удалены безвозвратно. Архивирование скрывает клиента, но сохраняет его историю.</numerusform>
            <numerusform>Его %n каналов и всё, что по нему записано, будут удалены безвозвратно. Архивирование скрывает клиента, но сохраняет его историю.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+82"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Archive Instead</source>
        <translation>Переместить в архив</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Client “{name}” deleted.</source>
        <translation>Клиент «{name}» удалён.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Delete channel</source>
        <translation>Удаление канала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the channel “{name}”?</source>
        <translation>Удалить канал «{name}»?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pausing keeps the channel and its history but stops expecting leads from it.</source>
        <translation>Приостановка сохраняет канал и его историю, но из него перестают ожидаться обращения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause Instead</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Report saved to {path}</source>
        <translation>Отчёт сохранён: {path}</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n conversion(s) written to {path}</source>
        <translation>
            <numerusform>%n конверсия записана в {path}</numerusform>
            <numerusform>%n конверсии записаны в {path}</numerusform>
            <numerusform>%n конверсий записано в {path}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No lead in this period came from a visit with that id; {path} has the header only.</source>
        <translation>Ни одно обращение за этот период не пришло с визита с таким идентификатором; в {path} только заголовок.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not save the settings to {path}: {reason}</source>
        <translation>Не удалось сохранить настройки в {path}: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restart Mailsource</source>
        <translation>Перезапуск Mailsource</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new settings apply after a restart. Restart now?</source>
        <translation>Новые настройки вступят в силу после перезапуска. Перезапустить сейчас?</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../app/ui/visits/import_dialog.py" line="-216"/>
        <source>Map the file&apos;s columns</source>
        <translation>Сопоставление столбцов файла</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>My CSV export</source>
        <translation>Моя выгрузка CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mapping name</source>
        <translation>Название схемы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(not in the file)</source>
        <translation>(нет в файле)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recognise automatically</source>
        <translation>Определять автоматически</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix seconds</source>
        <translation>Unix, секунды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix milliseconds</source>
        <translation>Unix, миллисекунды</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date and time format</source>
        <translation>Формат даты и времени</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Visit date and time *</source>
        <translation>Дата и время визита *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit id</source>
        <translation>ID визита</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking token</source>
        <translation>Токен отслеживания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool address number</source>
        <translation>Номер адреса в пуле</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Тип трафика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyword</source>
        <translation>Ключевая фраза</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrer</source>
        <translation>Реферер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landing page</source>
        <translation>Страница входа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operating system</source>
        <translation>Операционная система</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browser</source>
        <translation>Браузер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic type</source>
        <translation>Тип источника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ad content</source>
        <translation>Содержание объявления</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen</source>
        <translation>Экран</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit length, s</source>
        <translation>Длительность визита, с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page views</source>
        <translation>Просмотры страниц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrica ClientID</source>
        <translation>ClientID Метрики</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GA4 client id</source>
        <translation>Client ID GA4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GCLID</source>
        <translation>GCLID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matomo visitor id</source>
        <translation>Visitor ID Matomo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact action</source>
        <translation>Действие для связи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact page</source>
        <translation>Страница связи</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name the mapping to find it next time</source>
        <translation>Назовите схему, чтобы найти её в следующий раз</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <location filename="../../app/ui/addresses/address_dialog.py" line="+171"/>
        <source>Notes on {address}</source>
        <translation>Заметки к адресу {address}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which billboard, issue or print run…</source>
        <translation>Какой билборд, выпуск или тираж…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../app/ui/overview/overview_page.py" line="+48"/>
        <source>Agency Overview</source>
        <translation>Сводка по агентству</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No clients yet</source>
        <translation>Клиентов пока нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a client for each customer of the agency; they appear here together.</source>
        <translation>Создайте клиента для каждого заказчика агентства — здесь они будут видны все вместе.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click a client to open it.</source>
        <translation>Дважды щёлкните клиента, чтобы открыть его.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%Ln lead(s)</source>
        <translation>
            <numerusform>%Ln обращение</numerusform>
            <numerusform>%Ln обращения</numerusform>
            <numerusform>%Ln обращений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n client(s) need attention</source>
        <translation>
            <numerusform>%n клиент требует внимания</numerusform>
            <numerusform>%n клиента требуют внимания</numerusform>
            <numerusform>%n клиентов требуют внимания</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../app/ui/client_page.py" line="-229"/>
        <source>Main address:</source>
        <translation>Основной адрес:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email domains:</source>
        <translation>Домены почты:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency:</source>
        <translation>Валюта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels:</source>
        <translation>Каналы:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By kind:</source>
        <translation>По типам:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created:</source>
        <translation>Создан:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed:</source>
        <translation>Изменён:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit client…</source>
        <translation>Изменить клиента…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not set</source>
        <translation>не указан</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n активный</numerusform>
            <numerusform>%n активных</numerusform>
            <numerusform>%n активных</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n приостановленный</numerusform>
            <numerusform>%n приостановленных</numerusform>
            <numerusform>%n приостановленных</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTableModel</name>
    <message>
        <location filename="../../app/ui/overview/overview_table_model.py" line="+79"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leads</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vs previous</source>
        <translation>К прошлому</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost per lead</source>
        <translation>Цена обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median reply</source>
        <translation>Медиана ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n lead(s) in the previous period</source>
        <translation>
            <numerusform>%n обращение в прошлом периоде</numerusform>
            <numerusform>%n обращения в прошлом периоде</numerusform>
            <numerusform>%n обращений в прошлом периоде</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <location filename="../../app/ui/reports/period.py" line="+35"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Последние 90 дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation>Свой период</translation>
    </message>
</context>
<context>
    <name>PoolHealthBox</name>
    <message>
        <location filename="../../app/ui/visits/visits_tab.py" line="+60"/>
        <source>Pool health</source>
        <translation>Состояние пула</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visits stored</source>
        <translation>Визитов сохранено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak visits per minute</source>
        <translation>Пик визитов в минуту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak concurrent visitors</source>
        <translation>Пик одновременных посетителей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool size / recommended</source>
        <translation>Размер пула / рекомендуемый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collision rate</source>
        <translation>Доля совпадений</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>tokens · %1 if pooled</source>
        <translation>токены · %1 для пула</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 of %n pool lead(s)</source>
        <translation>
            <numerusform>%1 из %n обращения пула</numerusform>
            <numerusform>%1 из %n обращений пула</numerusform>
            <numerusform>%1 из %n обращений пула</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintSheetsDialog</name>
    <message>
        <location filename="../../app/ui/addresses/print_dialog.py" line="+64"/>
        <source>Print address sheets — {client}</source>
        <translation>Печать листов с адресами — {client}</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n адрес</numerusform>
            <numerusform>%n адреса</numerusform>
            <numerusform>%n адресов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no active address</source>
        <translation>нет активных адресов</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select all</source>
        <translation>Выбрать все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select none</source>
        <translation>Снять выбор</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One sheet per address (for whoever places the ad)</source>
        <translation>Отдельный лист на каждый адрес (для тех, кто размещает рекламу)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compact list of all chosen addresses</source>
        <translation>Сводный список всех выбранных адресов</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 мм)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Letter (8,5 × 11 дюймов)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layout:</source>
        <translation>Макет:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paper:</source>
        <translation>&amp;Бумага:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview and Print…</source>
        <translation>Просмотр и печать…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Channels to print:</source>
        <translation>&amp;Каналы для печати:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Tracking addresses — {client}</source>
        <translation>Адреса отслеживания — {client}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print preview — {client}</source>
        <translation>Предварительный просмотр — {client}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save address sheets as PDF</source>
        <translation>Сохранение листов с адресами в PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving address sheets…</source>
        <translation>Сохранение листов с адресами…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Saved %n page(s) to {file}.</source>
        <translation>
            <numerusform>Сохранена %n страница в {file}.</numerusform>
            <numerusform>Сохранено %n страницы в {file}.</numerusform>
            <numerusform>Сохранено %n страниц в {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelled; no file was written.</source>
        <translation>Отменено; файл не записан.</translation>
    </message>
</context>
<context>
    <name>RejectedLineModel</name>
    <message>
        <location filename="../../app/ui/costs/import_report_dialog.py" line="-95"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it was not used</source>
        <translation>Почему не использована</translation>
    </message>
</context>
<context>
    <name>RejectedRowsTableModel</name>
    <message>
        <location filename="../../app/ui/visits/history_model.py" line="+53"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row</source>
        <translation>Данные строки</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <location filename="../../app/ui/mailboxes/mailbox_table_model.py" line="-109"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No encryption</source>
        <translation>Без шифрования</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="+59"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Same as the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agency (printed on address sheets)</source>
        <translation>Агентство (печатается на листах с адресами)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Tochka Advertising Agency</source>
        <translation>например, Рекламное агентство «Точка»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG or JPEG file (optional)</source>
        <translation>Файл PNG или JPEG (необязательно)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Agency &amp;name:</source>
        <translation>&amp;Название агентства:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Logo:</source>
        <translation>&amp;Логотип:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On this computer (embedded database)</source>
        <translation>На этом компьютере (встроенная база данных)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a team server (PostgreSQL)</source>
        <translation>На командном сервере (PostgreSQL)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stored in the system keyring</source>
        <translation>Хранится в системном хранилище паролей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data &amp;folder:</source>
        <translation>&amp;Папка данных:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server &amp;URL:</source>
        <translation>URL &amp;сервера:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This session uses the data folder given on the command line ({folder}); the folder chosen here applies to normal starts.</source>
        <translation>В этом сеансе используется папка данных, заданная в командной строке ({folder}); выбранная здесь папка действует при обычном запуске.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Changes to the language or the data location apply when Mailsource restarts.</source>
        <translation>Изменения языка и расположения данных вступят в силу после перезапуска Mailsource.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The logo file {file} does not exist.</source>
        <translation>Файл логотипа {file} не существует.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file} is not a PNG or JPEG image that can be printed.</source>
        <translation>{file} — не изображение PNG или JPEG, пригодное для печати.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose the data folder</source>
        <translation>Выбор папки данных</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the agency&apos;s logo</source>
        <translation>Выбор логотипа агентства</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connected: PostgreSQL {version}, Mailsource data (schema {schema}).</source>
        <translation>Подключено: PostgreSQL {version}, данные Mailsource (схема {schema}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected: PostgreSQL {version}, empty database (set up on first use).</source>
        <translation>Подключено: PostgreSQL {version}, пустая база данных (будет подготовлена при первом использовании).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the server URL.</source>
        <translation>Введите URL сервера.</translation>
    </message>
</context>
<context>
    <name>SnippetDialog</name>
    <message>
        <location filename="../../app/ui/visits/snippet_dialog.py" line="+45"/>
        <source>Website snippet</source>
        <translation>Код для сайта</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Per-visit tokens (recommended)</source>
        <translation>Токены (рекомендуется)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed pool of addresses</source>
        <translation>Постоянный пул адресов</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One address per line, in the order of the pool</source>
        <translation>По одному адресу в строке, в порядке пула</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole page</source>
        <translation>Вся страница</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counter id, e.g. 44147844</source>
        <translation>Номер счётчика, например 44147844</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to GA4 (gtag)</source>
        <translation>Передавать в GA4 (gtag)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send to Matomo</source>
        <translation>Передавать в Matomo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown address</source>
        <translation>Показываемый адрес</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool</source>
        <translation>Пул</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold time</source>
        <translation>Время удержания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elements to rewrite</source>
        <translation>Заменять в элементах</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a token for</source>
        <translation>Хранить токен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yandex Metrica</source>
        <translation>Яндекс Метрика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Google Analytics 4</source>
        <translation>Google Analytics 4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matomo</source>
        <translation>Matomo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matomo dimension</source>
        <translation>Параметр Matomo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Minified</source>
        <translation>Сжатый</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy Code</source>
        <translation>Копировать код</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>BigQuery project</source>
        <translation>Проект BigQuery</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GA4 property id</source>
        <translation>ID ресурса GA4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy Query</source>
        <translation>Копировать запрос</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run this query in BigQuery and save the result as CSV: Mailsource imports it as “GA4 BigQuery query (CSV)”.</source>
        <translation>Выполните этот запрос в BigQuery и сохраните результат в CSV: Mailsource импортирует его как «GA4 BigQuery query (CSV)».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Code and installation</source>
        <translation>Код и установка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GA4 BigQuery query</source>
        <translation>Запрос GA4 в BigQuery</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save Settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The Metrica counter id is a number</source>
        <translation>Номер счётчика Метрики — это число</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Visitors see: %1</source>
        <translation>Посетители видят: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/application.py" line="+126"/>
        <source>the team server</source>
        <translation>командный сервер</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../app/ui/mailboxes/sync_controller.py" line="+96"/>
        <source>Syncing {mailbox}…</source>
        <translation>Синхронизация: {mailbox}…</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/mailboxes/mailbox_table_model.py" line="+6"/>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизирован</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced</source>
        <translation>Синхронизирован</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some folders failed</source>
        <translation>Ошибки в папках</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="+150"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <location filename="../../app/ui/charts/time_chart.py" line="+39"/>
        <source>Other channels</source>
        <translation>Другие каналы</translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n обращение</numerusform>
            <numerusform>%n обращения</numerusform>
            <numerusform>%n обращений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../app/ui/visits/visits_tab.py" line="+22"/>
        <source>Import Visits…</source>
        <translation>Импорт визитов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Website Snippet…</source>
        <translation>Код для сайта…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>or drop a Yandex Metrica, GA4, Matomo or other CSV export here</source>
        <translation>или перетащите сюда выгрузку Яндекс Метрики, GA4, Matomo или другой CSV</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Rejected rows</source>
        <translation>Отклонённые строки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No visits imported yet</source>
        <translation>Визиты ещё не загружены</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install the website snippet, then import the visits your web analytics exported: a Yandex Metrica Logs API file, a GA4 BigQuery or report export, a Matomo visits log, or any CSV. Each email sent to a tracking token or pool address then shows the visit it came from: source, campaign, keyword, city and device.</source>
        <translation>Установите код на сайт, затем импортируйте визиты, выгруженные из веб-аналитики: файл Logs API Яндекс Метрики, выгрузку GA4 из BigQuery или отчёта, журнал визитов Matomo или любой CSV. Тогда у каждого письма, отправленного на токен отслеживания или адрес из пула, будет виден визит, с которого оно пришло: источник, кампания, ключевая фраза, город и устройство.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Importing %1…</source>
        <translation>Импорт %1…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Import visits</source>
        <translation>Импорт визитов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit exports (*.tsv *.csv *.txt *.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>Выгрузки визитов (*.tsv *.csv *.txt *.json *.ndjson *.jsonl);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported %1 new and %2 updated visits, %3 rows rejected; %4 leads matched.</source>
        <translation>Визитов импортировано: новых — %1, обновлённых — %2; отклонено строк: %3; сопоставлено обращений: %4.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import cancelled: nothing of it was kept.</source>
        <translation>Импорт отменён: ничего из него не сохранено.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Rejected rows of %1 (%n)</source>
        <translation>
            <numerusform>Отклонённые строки файла %1 (%n)</numerusform>
            <numerusform>Отклонённые строки файла %1 (%n)</numerusform>
            <numerusform>Отклонённые строки файла %1 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export rejected rows</source>
        <translation>Экспорт отклонённых строк</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n rejected row(s) saved.</source>
        <translation>
            <numerusform>Сохранена %n отклонённая строка.</numerusform>
            <numerusform>Сохранены %n отклонённые строки.</numerusform>
            <numerusform>Сохранено %n отклонённых строк.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>addresses</name>
    <message>
        <location filename="../../app/core/addresses/alias_export.py" line="+44"/>
        <source>Yandex 360</source>
        <translation>Яндекс 360</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail.ru for business (VK WorkMail)</source>
        <translation>Почта Mail.ru для бизнеса (VK WorkMail)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address (as people read it)</source>
        <translation>Адрес (как его читают люди)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deliver to mailbox</source>
        <translation>Доставлять в ящик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Create each address in the attached CSV file ({n} in all) so that its mail is delivered to the mailbox {mailbox}.</source>
        <translation>Создайте каждый адрес из приложенного CSV-файла (всего адресов: {n}) так, чтобы письма на него доставлялись в ящик {mailbox}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{provider} allows at most {limit} aliases per mailbox, and this list has {n}. Use plus addresses instead, or spread the aliases over a shared mailbox or a group that delivers to {mailbox}.</source>
        <translation>{provider} допускает не более {limit} псевдонимов на ящик, а в этом списке их {n}. Используйте вместо них адреса с плюсом или распределите псевдонимы по общему ящику или группе рассылки, которая доставляет почту в {mailbox}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dynamic tracking uses addresses like k7x2m@{domain}: point the MX record of {domain} to the mail server and set up a catch-all for it that delivers every address to {mailbox}.</source>
        <translation>Динамическое отслеживание использует адреса вида k7x2m@{domain}: направьте MX-запись {domain} на почтовый сервер и настройте для него catch-all, который доставляет письма на любой адрес в {mailbox}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Afterwards, send a test email to one of the addresses from an outside mailbox and check that it arrives in {mailbox}.</source>
        <translation>После этого отправьте тестовое письмо на один из адресов с внешнего ящика и проверьте, что оно пришло в {mailbox}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Yandex 360 for Business: open admin.yandex.ru, go to Employees and open the employee who owns the mailbox. Click the three dots in the top-right corner of the card, choose Edit aliases, then Add new, and enter each address. One mailbox can have up to 10 aliases.</source>
        <translation>Яндекс 360 для бизнеса: откройте admin.yandex.ru, перейдите в раздел «Сотрудники» и откройте сотрудника, которому принадлежит ящик. Нажмите на три точки в правом верхнем углу карточки, выберите «Редактировать алиасы», затем «Добавить новый» и введите каждый адрес. У одного ящика может быть до 10 алиасов.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Google Workspace: in the Admin console (admin.google.com) open Users, click the user who owns the mailbox, then User information &gt; Email aliases &gt; Alias. Enter the part before the @, choose the domain and click Save. A user can have up to 30 aliases; new aliases start working within 24 hours.</source>
        <translation>Google Workspace: в консоли администратора (admin.google.com) откройте «Пользователи», нажмите на пользователя, которому принадлежит ящик, затем «Информация о пользователе» &gt; «Псевдонимы электронной почты» &gt; «Псевдоним». Введите часть адреса до @, выберите домен и нажмите «Сохранить». У пользователя может быть до 30 псевдонимов; новые псевдонимы начинают работать в течение 24 часов.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Microsoft 365: in the Microsoft 365 admin center go to Users &gt; Active users, select the user, then Manage username and email &gt; Add an alias. Enter the part before the @, choose the domain, add it and save. A user can have up to 400 aliases.</source>
        <translation>Microsoft 365: в центре администрирования Microsoft 365 перейдите в «Пользователи» &gt; «Активные пользователи», выберите пользователя, затем «Управление именем пользователя и электронной почтой» &gt; «Добавить псевдоним». Введите часть адреса до @, выберите домен, добавьте псевдоним и сохраните. У пользователя может быть до 400 псевдонимов.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mail.ru for business (VK WorkMail): in the domain&apos;s admin panel at biz.mail.ru, add each address as an additional address (alias) of the mailbox, or ask VK WorkMail support how to deliver several addresses to one mailbox on your plan.</source>
        <translation>Mail.ru для бизнеса (VK WorkMail): в панели администратора домена на biz.mail.ru добавьте каждый адрес как дополнительный адрес (псевдоним) ящика или узнайте в поддержке VK WorkMail, как на вашем тарифе доставлять несколько адресов в один ящик.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cPanel: open Email &gt; Forwarders and click Add Forwarder. Enter the part before the @ in Address to Forward, choose the domain, select Forward to Email Address, enter the mailbox and click Add Forwarder. Repeat for each address. Do not create a separate email account with the same name, or mail would be kept there too.</source>
        <translation>cPanel: откройте Email &gt; Forwarders и нажмите Add Forwarder. Введите часть адреса до @ в поле Address to Forward, выберите домен, отметьте Forward to Email Address, введите ящик и нажмите Add Forwarder. Повторите для каждого адреса. Не создавайте отдельную учётную запись почты с тем же именем, иначе письма будут оставаться и в ней.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On your mail server, create each address as an alias (or forwarder) of the mailbox. Alternatively a catch-all for the domain delivers every unknown address to it, at the cost of more spam.</source>
        <translation>На своём почтовом сервере создайте каждый адрес как псевдоним (или пересылку) ящика. Другой вариант — catch-all для домена: он доставляет в ящик письма на любой неизвестный адрес, но спама станет больше.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plus addresses (like info+tv@…) need plus addressing, which Microsoft 365 can switch off for the whole organisation. To make sure it is on, run in Exchange Online PowerShell:
    Set-OrganizationConfig -DisablePlusAddressInRecipients $false</source>
        <translation>Для адресов с плюсом (вида info+tv@…) нужна поддержка плюс-адресации, которую в Microsoft 365 можно отключить для всей организации. Чтобы она точно была включена, выполните в Exchange Online PowerShell:
    Set-OrganizationConfig -DisablePlusAddressInRecipients $false</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plus addresses (like info+tv@…) only work if the mail server supports plus-addressing (sub-addressing). Send a test email to one and check that it arrives in {mailbox}; if it bounces, switch the client to alias addresses.</source>
        <translation>Адреса с плюсом (вида info+tv@…) работают, только если почтовый сервер поддерживает плюс-адресацию (субадресацию). Отправьте тестовое письмо на такой адрес и проверьте, что оно пришло в {mailbox}; если письмо вернулось, переведите клиента на псевдонимы.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plus addresses (like info+tv@…) need no set-up on {provider}: mail to them is delivered to {mailbox}.</source>
        <translation>Адреса с плюсом (вида info+tv@…) в {provider} не требуют настройки: письма на них доставляются в {mailbox}.</translation>
    </message>
    <message>
        <location filename="../../app/core/addresses/custom_list.py" line="+48"/>
        <source>Line {line}: {reason}</source>
        <translation>Строка {line}: {reason}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>… and {n} more.</source>
        <translation>… и ещё {n}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The list was not imported: {n} line(s) need fixing.
{lines}</source>
        <translation>Список не импортирован: нужно исправить строки ({n}).
{lines}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The list has {n} lines; at most {max} can be imported.</source>
        <translation>В списке строк: {n}; импортировать можно не более {max}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no email address on this line</source>
        <translation>в строке нет адреса электронной почты</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“{address}” is already on line {line}</source>
        <translation>«{address}» уже есть в строке {line}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This is not a text file: save the list as TXT or CSV.</source>
        <translation>Это не текстовый файл: сохраните список в формате TXT или CSV.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{file} is too big for an address list ({mb} MB).</source>
        <translation>{file} слишком велик для списка адресов ({mb} МБ).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read {file}: {reason}</source>
        <translation>Не удаётся прочитать {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/addresses/service.py" line="+153"/>
        <source>The client has no tracking address “{address}”.</source>
        <translation>У клиента нет адреса отслеживания «{address}».</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Enter a tag or choose a channel.</source>
        <translation>Введите метку или выберите канал.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>the client has no channel “{name}”</source>
        <translation>у клиента нет канала «{name}»</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The list holds no addresses.</source>
        <translation>В списке нет адресов.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose at least one channel to print.</source>
        <translation>Выберите для печати хотя бы один канал.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The channel “{name}” has no active address to print; generate one first.</source>
        <translation>У канала «{name}» нет активного адреса для печати; сначала создайте его.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The channel “{name}” belongs to another client.</source>
        <translation>Канал «{name}» принадлежит другому клиенту.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tracking address #{id} does not exist.</source>
        <translation>Адреса отслеживания №{id} не существует.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The client “{name}” has no main address; plus and alias addresses are made from it. Set it first.</source>
        <translation>У клиента «{name}» нет основного адреса, а адреса с плюсом и псевдонимы создаются из него. Сначала укажите его.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“{address}” was used for a channel that has been deleted; it stays reserved so that its mail is not counted for another channel</source>
        <translation>«{address}» использовался для канала, который был удалён; адрес остаётся зарезервированным, чтобы письма на него не засчитывались другому каналу</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{address}” is retired but stays reserved for the channel “{channel}”; reactivate it there instead</source>
        <translation>«{address}» отключён, но остаётся закреплённым за каналом «{channel}»; вместо этого включите его снова там</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{address}” is already used for the channel “{channel}”</source>
        <translation>«{address}» уже используется для канала «{channel}»</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Custom addresses are entered or imported, not generated.</source>
        <translation>Собственные адреса вводят вручную или импортируют, а не создают автоматически.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generate between 1 and {max} addresses at a time.</source>
        <translation>За один раз можно создать от 1 до {max} адресов.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The address {address} was just taken by another user.</source>
        <translation>Адрес {address} только что занял другой пользователь.</translation>
    </message>
    <message>
        <location filename="../../app/core/addresses/sheet.py" line="+75"/>
        <source>Publish exactly this address, character for character. Do not shorten it, do not replace it with another address of the company, and do not add a link to another address. Emails to it are how the client knows this advertisement worked.</source>
        <translation>Публикуйте именно этот адрес, символ в символ. Не сокращайте его, не заменяйте другим адресом компании и не добавляйте ссылку на другой адрес. Именно по письмам на него клиент узнаёт, что эта реклама сработала.</translation>
    </message>
    <message>
        <location filename="../../app/core/addresses/tags.py" line="+91"/>
        <source>The tag cannot be empty.</source>
        <translation>Метка не может быть пустой.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The tag “{tag}” is too long: at most {max} characters.</source>
        <translation>Метка «{tag}» слишком длинная: допускается не более {max} символов.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tag “{tag}” may hold only Latin letters, digits and single “-” or “_” between them, for example “{suggestion}”.</source>
        <translation>Метка «{tag}» может содержать только латинские буквы, цифры и одиночные «-» или «_» между ними, например «{suggestion}».</translation>
    </message>
    <message>
        <location filename="../../app/core/addresses/validation.py" line="+66"/>
        <source>The address cannot be empty.</source>
        <translation>Адрес не может быть пустым.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“{address}” is not a valid email address: {reason}</source>
        <translation>«{address}» — недопустимый адрес электронной почты: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{address}” is too long before the @: at most {max} characters.</source>
        <translation>«{address}»: часть до @ слишком длинная, допускается не более {max} символов.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{address}” is too long: at most {max} characters.</source>
        <translation>«{address}» слишком длинный: допускается не более {max} символов.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“{address}” is not on the client&apos;s domains ({domains}). Add the domain to the client first, or use an address on one of them.</source>
        <translation>«{address}» не относится к доменам клиента ({domains}). Сначала добавьте домен клиенту или используйте адрес на одном из его доменов.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“{address}” is the client&apos;s main address; a tracking address must be different from it.</source>
        <translation>«{address}» — основной адрес клиента; адрес отслеживания должен от него отличаться.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“{delimiter}” is not a supported delimiter: use + or -.</source>
        <translation>«{delimiter}» — неподдерживаемый разделитель: используйте + или -.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The main address “{address}” already contains “{delimiter}”, so the mail server would split it in the wrong place. Choose the other delimiter.</source>
        <translation>Основной адрес «{address}» уже содержит «{delimiter}», поэтому почтовый сервер разделит его не в том месте. Выберите другой разделитель.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The token length must be between {min} and {max}, not {n}.</source>
        <translation>Длина токена должна быть от {min} до {max}, а не {n}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“{domain}” is not a subdomain of the client&apos;s domains ({domains}); tokens need a catch-all subdomain such as in.{example}.</source>
        <translation>«{domain}» не является поддоменом доменов клиента ({domains}); для токенов нужен поддомен с catch-all, например in.{example}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Plus tokens need the client&apos;s main address; set it first.</source>
        <translation>Для токенов через плюс нужен основной адрес клиента; сначала укажите его.</translation>
    </message>
</context>
<context>
    <name>clients</name>
    <message>
        <location filename="../../app/core/addresses/service.py" line="-150"/>
        <location filename="../../app/core/clients/service.py" line="+167"/>
        <location filename="../../app/core/visits/service.py" line="+434"/>
        <source>Client #{id} does not exist (any more).</source>
        <translation>Клиента №{id} не существует (больше нет).</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../app/core/clients/service.py" line="+112"/>
        <source>Channel #{id} does not exist (any more).</source>
        <translation>Канала №{id} не существует (больше нет).</translation>
    </message>
    <message>
        <location filename="../../app/core/clients/service.py" line="-170"/>
        <source>No client “{ref}”.</source>
        <translation>Клиент «{ref}» не найден.</translation>
    </message>
    <message>
        <location line="+87"/>
        <location line="+12"/>
        <source>A client named “{name}” already exists.</source>
        <translation>Клиент с названием «{name}» уже существует.</translation>
    </message>
    <message>
        <location line="+111"/>
        <location line="+12"/>
        <source>This client already has a channel named “{name}”.</source>
        <translation>У этого клиента уже есть канал с названием «{name}».</translation>
    </message>
</context>
<context>
    <name>costs</name>
    <message>
        <location filename="../../app/ui/costs/cost_dialog.py" line="+28"/>
        <source>Add a channel first: a cost belongs to a channel.</source>
        <translation>Сначала добавьте канал: расход всегда относится к каналу.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the amount.</source>
        <translation>Укажите сумму.</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <location filename="../../app/core/credentials.py" line="+28"/>
        <source>The system keyring is not available, so Mailsource cannot store or read the password. On Windows and macOS sign in to your user account normally; on Linux start and unlock a Secret Service keyring (GNOME Keyring or KWallet) and try again. The password was not saved anywhere else.</source>
        <translation>Системное хранилище паролей недоступно, поэтому Mailsource не может сохранить или прочитать пароль. В Windows и macOS войдите в свою учётную запись обычным способом; в Linux запустите и разблокируйте хранилище Secret Service (GNOME Keyring или KWallet) и повторите попытку. Больше нигде пароль не сохранён.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/ui/application.py" line="+159"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try Again</source>
        <translation>Повторить</translation>
    </message>
</context>
<context>
    <name>leads</name>
    <message>
        <location filename="../../app/core/leads/service.py" line="+439"/>
        <source>A deal amount cannot be negative.</source>
        <translation>Сумма сделки не может быть отрицательной.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Lead #{id} does not exist (any more).</source>
        <translation>Обращения №{id} не существует (больше нет).</translation>
    </message>
    <message>
        <location filename="../../app/core/leads/model.py" line="+52"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No deal</source>
        <translation>Без сделки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spam</source>
        <translation>Спам</translation>
    </message>
</context>
<context>
    <name>mail</name>
    <message>
        <location filename="../../app/core/mail/classify.py" line="+42"/>
        <source>Bounce: the message could not be delivered</source>
        <translation>Недоставка: письмо не удалось доставить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery or read report</source>
        <translation>Отчёт о доставке или прочтении</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic reply</source>
        <translation>Автоответ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent from the client&apos;s own domain</source>
        <translation>Отправлено с собственного домена клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply in an existing conversation</source>
        <translation>Ответ в уже идущей переписке</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{reason} ({evidence})</source>
        <translation>{reason} ({evidence})</translation>
    </message>
    <message>
        <location filename="../../app/core/mail/message.py" line="+71"/>
        <source>The message has no sender (From).</source>
        <translation>У письма нет отправителя (From).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender address cannot be read: {value}</source>
        <translation>Не удаётся прочитать адрес отправителя: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message has no date.</source>
        <translation>У письма нет даты.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date cannot be read: {value}</source>
        <translation>Не удаётся прочитать дату: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A recipient address cannot be read: {value}</source>
        <translation>Не удаётся прочитать адрес получателя: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text&apos;s character set was guessed.</source>
        <translation>Кодировка текста определена предположительно.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part of the text is damaged and was skipped.</source>
        <translation>Часть текста повреждена и пропущена.</translation>
    </message>
    <message>
        <location filename="../../app/core/mail/imap.py" line="+137"/>
        <source>Cannot read the CA certificate file {path}: choose a PEM file.</source>
        <translation>Не удаётся прочитать файл сертификата ЦС {path}: выберите файл PEM.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The certificate of {host} has expired, so the connection is not safe. The server&apos;s administrator must renew it (or check this computer&apos;s date).</source>
        <translation>Срок действия сертификата {host} истёк, поэтому подключение небезопасно. Администратор сервера должен обновить сертификат (или проверьте дату на этом компьютере).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The certificate of {host} is not valid yet. Check this computer&apos;s date and time.</source>
        <translation>Сертификат {host} ещё не вступил в силу. Проверьте дату и время на этом компьютере.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{host} presented a self-signed certificate, which this computer does not trust. If the server is your own, choose its CA certificate file in the mailbox settings.</source>
        <translation>{host} предъявил самоподписанный сертификат, которому этот компьютер не доверяет. Если это ваш собственный сервер, выберите файл его сертификата ЦС в настройках почтового ящика.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The certificate presented by {host} is for another server name. Check the host name (use the name the provider gives, not an IP address or alias).</source>
        <translation>Сертификат, предъявленный {host}, выдан для другого имени сервера. Проверьте имя хоста (используйте имя, которое даёт почтовый сервис, а не IP-адрес или псевдоним).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The certificate of {host} has been revoked: do not connect.</source>
        <translation>Сертификат {host} отозван: не подключайтесь.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate of {host} was issued by an authority this computer does not trust (a self-signed or private certificate). If the server is your own, choose its CA certificate file in the mailbox settings.</source>
        <translation>Сертификат {host} выдан центром сертификации, которому этот компьютер не доверяет (самоподписанный или частный сертификат). Если это ваш собственный сервер, выберите файл его сертификата ЦС в настройках почтового ящика.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{host}:{port} does not speak TLS. Check the port, or choose STARTTLS (usually port 143) instead of SSL/TLS (usually port 993).</source>
        <translation>{host}:{port} не поддерживает TLS. Проверьте порт или выберите STARTTLS (обычно порт 143) вместо SSL/TLS (обычно порт 993).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The secure connection to {host} failed.</source>
        <translation>Не удалось установить защищённое подключение к {host}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot find the server {host}: check the host name and the internet connection.</source>
        <translation>Не удаётся найти сервер {host}: проверьте имя хоста и подключение к интернету.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{host} refused the connection on port {port}: check the port and the security setting.</source>
        <translation>{host} отклонил подключение к порту {port}: проверьте порт и настройку защиты.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{host} did not answer within {seconds} seconds: check the host name, the port and the internet connection, or try again later.</source>
        <translation>{host} не ответил за {seconds} с: проверьте имя хоста, порт и подключение к интернету или повторите попытку позже.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to {host} was lost. Nothing was lost: sync again later.</source>
        <translation>Подключение к {host} прервалось. Данные не потеряны: повторите синхронизацию позже.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot connect to {host} on port {port}.</source>
        <translation>Не удаётся подключиться к {host} на порту {port}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{host} wants an app password for {user}, not the account password.</source>
        <translation>{host} требует для {user} пароль приложения, а не пароль учётной записи.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host} refused the user name or password for {user}. Check them; many mail services need an app password for mail programs.</source>
        <translation>{host} не принял имя пользователя или пароль для {user}. Проверьте их; многим почтовым сервисам нужен пароль приложения для почтовых программ.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{host} does not offer STARTTLS on port {port}, so the password would travel unencrypted. Choose SSL/TLS (usually port 993).</source>
        <translation>{host} не поддерживает STARTTLS на порту {port}, и пароль передавался бы без шифрования. Выберите SSL/TLS (обычно порт 993).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{host} refused to start TLS (STARTTLS).</source>
        <translation>{host} отказался включить TLS (STARTTLS).</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>The folder “{folder}” cannot be opened on {host}: it was deleted or renamed, or this account may not read it. Choose the folders again in the mailbox settings.</source>
        <translation>Не удаётся открыть папку «{folder}» на {host}: она удалена или переименована либо у этой учётной записи нет права её читать. Заново выберите папки в настройках почтового ящика.</translation>
    </message>
    <message>
        <location filename="../../app/core/attribution/reattribute.py" line="+47"/>
        <source>Matching stored mail: {done} of {total}</source>
        <translation>Сопоставление сохранённых писем: {done} из {total}</translation>
    </message>
    <message>
        <location filename="../../app/core/mail/sync.py" line="+180"/>
        <source>No password is stored for {user} on {host}. Enter it in the mailbox settings.</source>
        <translation>Пароль для {user} на {host} не сохранён. Введите его в настройках почтового ящика.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Cancelled; {n} new leads were kept.</source>
        <translation>Отменено; сохранено новых обращений: {n}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{n} new leads; some folders failed: {errors}</source>
        <translation>Новых обращений: {n}; ошибки в некоторых папках: {errors}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} new leads, {r} replies found.</source>
        <translation>Новых обращений: {n}, найдено ответов: {r}.</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>{folder}: {done} of {total}</source>
        <translation>{folder}: {done} из {total}</translation>
    </message>
</context>
<context>
    <name>mailboxes</name>
    <message>
        <location filename="../../app/core/mailboxes/service.py" line="+80"/>
        <source>Enter the IMAP server&apos;s host name, e.g. imap.yandex.ru.</source>
        <translation>Введите имя хоста сервера IMAP, например imap.yandex.ru.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{host}” is not a valid host name.</source>
        <translation>«{host}» — недопустимое имя хоста.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Порт должен быть числом от 1 до 65535.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the user name (usually the full email address).</source>
        <translation>Введите имя пользователя (обычно это полный адрес электронной почты).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An unencrypted connection sends the password and the mail in the clear. Confirm that you accept this, or choose SSL/TLS or STARTTLS.</source>
        <translation>Подключение без шифрования передаёт пароль и письма в открытом виде. Подтвердите, что согласны с этим, или выберите SSL/TLS либо STARTTLS.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose at least one folder to read (usually INBOX).</source>
        <translation>Выберите хотя бы одну папку для чтения (обычно INBOX).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose at most {n} folders.</source>
        <translation>Выберите не более {n} папок.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The auto-sync interval cannot be negative.</source>
        <translation>Интервал автосинхронизации не может быть отрицательным.</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Mailbox #{id} does not exist (any more).</source>
        <translation>Почтового ящика №{id} не существует (больше нет).</translation>
    </message>
    <message>
        <location filename="../../app/core/mailboxes/presets.py" line="+59"/>
        <source>Yandex 360</source>
        <translation>Яндекс 360</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn on IMAP in Yandex Mail (Settings → Mail clients → “From the imap.yandex.ru server via IMAP”) and create an app password for mail (Yandex ID → Security → App passwords). Enter the full address as the user name and the app password, not the account password.</source>
        <translation>Включите IMAP в Яндекс Почте («Настройки» → «Почтовые программы» → «С сервера imap.yandex.ru по протоколу IMAP») и создайте пароль приложения для почты («Яндекс ID» → «Безопасность» → «Пароли приложений»). В качестве имени пользователя введите полный адрес, а в качестве пароля — пароль приложения, а не пароль аккаунта.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mail.ru / VK WorkMail</source>
        <translation>Mail.ru / VK WorkMail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mail.ru does not accept the account password over IMAP. In the mailbox settings open “Password and security”, allow access to Mail via IMAP, POP and SMTP, and create a “password for an external application”; enter that here.</source>
        <translation>Mail.ru не принимает пароль аккаунта по IMAP. В настройках ящика откройте «Пароль и безопасность», разрешите доступ к Почте по протоколам IMAP, POP и SMTP и создайте «пароль для внешнего приложения»; введите его здесь.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gmail / Google Workspace</source>
        <translation>Gmail / Google Workspace</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Google accepts only an app password here: turn on 2-Step Verification for the Google account, then create an app password (Google Account → Security → App passwords) and enter its 16 letters. IMAP is always on in Gmail.</source>
        <translation>Google принимает здесь только пароль приложения: включите двухэтапную аутентификацию для аккаунта Google, затем создайте пароль приложения («Аккаунт Google» → «Безопасность» → «Пароли приложений») и введите его 16 букв. IMAP в Gmail включён всегда.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Microsoft 365 / Outlook.com</source>
        <translation>Microsoft 365 / Outlook.com</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Microsoft has turned off password logins (Basic authentication) for IMAP in every Microsoft 365 organisation, and they cannot be turned back on. Mailsource logs in with a password, so it cannot read a Microsoft 365 mailbox directly: forward its mail to a mailbox at another provider and add that one instead.</source>
        <translation>Microsoft отключила вход по паролю (обычную проверку подлинности) для IMAP во всех организациях Microsoft 365, и включить его снова нельзя. Mailsource входит по паролю, поэтому не может читать ящик Microsoft 365 напрямую: настройте пересылку его почты в ящик у другого почтового сервиса и добавьте этот ящик.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Zoho Mail</source>
        <translation>Zoho Mail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn on IMAP access in Zoho Mail (Settings → Mail Accounts → IMAP). Mailboxes on your own domain use imappro.zoho.com, personal @zoho.com ones imap.zoho.com; accounts in the EU, India or Australia use .eu, .in or .com.au instead of .com. With two-factor authentication enter an application-specific password.</source>
        <translation>Включите доступ по IMAP в Zoho Mail (Settings → Mail Accounts → IMAP). Ящики на собственном домене используют imappro.zoho.com, личные ящики @zoho.com — imap.zoho.com; для аккаунтов в ЕС, Индии или Австралии вместо .com используется .eu, .in или .com.au. При двухфакторной аутентификации введите пароль приложения.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Other</source>
        <translation>Другой</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask the mail administrator for the IMAP server, port and security. Many providers need IMAP turned on and a separate app password for mail programs.</source>
        <translation>Узнайте у администратора почты сервер IMAP, порт и способ защиты. Многим почтовым сервисам нужно включить IMAP и создать отдельный пароль приложения для почтовых программ.</translation>
    </message>
</context>
<context>
    <name>money</name>
    <message>
        <location filename="../../app/core/money.py" line="+63"/>
        <source>“{text}” is not an amount.</source>
        <translation>«{text}» — это не сумма.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The amount cannot be negative: {text}</source>
        <translation>Сумма не может быть отрицательной: {text}</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../app/core/reports/costs.py" line="+234"/>
        <source>There is no channel “{name}” in this client.</source>
        <translation>У этого клиента нет канала «{name}».</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“{period}” is not a period: write a month (2026-03) or two dates (2026-03-01..2026-03-15).</source>
        <translation>«{period}» — это не период: укажите месяц (2026-03) или две даты (2026-03-01..2026-03-15).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Channel #{id} is not a channel of this client.</source>
        <translation>Канал №{id} не принадлежит этому клиенту.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation>Период заканчивается ({end}) раньше, чем начинается ({start}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A cost cannot be negative.</source>
        <translation>Расход не может быть отрицательным.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cost is in {given}, but this client&apos;s reports are in {currency}. Mailsource does not convert currencies: enter the amount in {currency}.</source>
        <translation>Расход указан в {given}, а отчёты этого клиента ведутся в {currency}. Mailsource не пересчитывает валюты: укажите сумму в {currency}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cost #{id} does not exist (any more).</source>
        <translation>Расхода №{id} нет (или уже нет).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../app/core/reports/deals.py" line="+73"/>
        <location filename="../../app/core/reports/numbers.py" line="+242"/>
        <source>Client #{id} does not exist (any more).</source>
        <translation>Клиента №{id} нет (или уже нет).</translation>
    </message>
    <message>
        <location filename="../../app/core/reports/csvfile.py" line="+67"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>Не удаётся прочитать {path}: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the pasted text</source>
        <translation>вставленный текст</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is empty.</source>
        <translation>{path} пуст.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{path} has no “{column}” column (header: {header}).</source>
        <translation>В {path} нет столбца «{column}» (заголовок: {header}).</translation>
    </message>
    <message>
        <location filename="../../app/core/reports/deals.py" line="+18"/>
        <source>“{text}” is not a date.</source>
        <translation>«{text}» — это не дата.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>“{text}” is not a lead number.</source>
        <translation>«{text}» — это не номер обращения.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lead #{id} is not a lead of this client.</source>
        <translation>Обращение №{id} не относится к этому клиенту.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No lead number and no email address on this line.</source>
        <translation>В этой строке нет ни номера обращения, ни адреса эл. почты.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No lead from {email}.</source>
        <translation>Обращений от {email} нет.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No lead from {email} within {days} days of {date}.</source>
        <translation>Обращений от {email} в пределах {days} дн. от {date} нет.</translation>
    </message>
    <message>
        <location filename="../../app/core/reports/exports/csv_export.py" line="+57"/>
        <source>The CSV delimiter must be “;” or “,”, not “{d}”.</source>
        <translation>Разделитель CSV должен быть «;» или «,», а не «{d}».</translation>
    </message>
    <message>
        <location filename="../../app/core/reports/exports/pdf.py" line="+95"/>
        <source>{n} s</source>
        <translation>{n} с</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} h</source>
        <translation>{n} ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} days</source>
        <translation>{n} дн.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Results by channel</source>
        <translation>Результаты по каналам</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+61"/>
        <source>Lead report</source>
        <translation>Отчёт по обращениям</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+49"/>
        <location line="+290"/>
        <location line="+51"/>
        <location line="+165"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+98"/>
        <location line="+37"/>
        <location line="+144"/>
        <source>Leads</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location line="-540"/>
        <source>Page {n} of {total}</source>
        <translation>Страница {n} из {total}</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+290"/>
        <location filename="../../app/core/reports/exports/tables.py" line="-174"/>
        <location line="+34"/>
        <source>Cost</source>
        <translation>Расход</translation>
    </message>
    <message>
        <location line="-288"/>
        <source>per lead: {value}</source>
        <translation>за обращение: {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+287"/>
        <location line="+49"/>
        <location filename="../../app/core/reports/exports/tables.py" line="-36"/>
        <location line="+38"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location line="-334"/>
        <source>revenue: {value}</source>
        <translation>выручка: {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return on ad spend</source>
        <translation>Окупаемость рекламы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revenue ÷ cost</source>
        <translation>выручка ÷ расход</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Median response</source>
        <translation>Медиана ответа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>90% within {value}</source>
        <translation>90 % — в пределах {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../app/core/reports/exports/tables.py" line="-39"/>
        <source>Unreplied</source>
        <translation>Без ответа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tracked: {value}</source>
        <translation>с отслеживанием: {value}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Leads over time by channel</source>
        <translation>Обращения по дням и каналам</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>new {new} · repeat {repeat}</source>
        <translation>новых {new} · повторных {repeat}</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+324"/>
        <source>No leads in this period.</source>
        <translation>За этот период обращений нет.</translation>
    </message>
    <message>
        <location line="-285"/>
        <location line="+175"/>
        <location filename="../../app/core/reports/numbers.py" line="+37"/>
        <source>Untracked (main address)</source>
        <translation>Без отслеживания</translation>
    </message>
    <message>
        <location line="-164"/>
        <location line="+92"/>
        <source>leads</source>
        <translation>обращений</translation>
    </message>
    <message>
        <location line="-67"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+61"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leads and cost per lead</source>
        <translation>Обращения и стоимость обращения</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{value} per lead</source>
        <translation>{value} за обращение</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cost {value}, no leads</source>
        <translation>расход {value}, обращений нет</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Response time</source>
        <translation>Время ответа</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>New and repeat contacts</source>
        <translation>Новые и повторные обращения</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>new</source>
        <translation>новые</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>repeat</source>
        <translation>повторные</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Leads without a reply: {n}. Median response: {median}; 90% within {p90}.</source>
        <translation>Обращений без ответа: {n}. Медиана ответа: {median}; 90 % — в пределах {p90}.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+198"/>
        <location filename="../../app/core/reports/exports/tables.py" line="-48"/>
        <location line="+49"/>
        <location line="+28"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="-196"/>
        <location filename="../../app/core/reports/exports/tables.py" line="-92"/>
        <location line="+94"/>
        <source>Repeat</source>
        <translation>Повторные</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per lead</source>
        <translation>За обращение</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+49"/>
        <location filename="../../app/core/reports/exports/tables.py" line="-90"/>
        <location line="+38"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location line="-48"/>
        <location filename="../../app/core/reports/exports/tables.py" line="-35"/>
        <location line="+36"/>
        <source>ROAS</source>
        <translation>ROAS</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>Median reply</source>
        <translation>Медиана ответа</translation>
    </message>
    <message>
        <location line="-39"/>
        <location filename="../../app/core/reports/numbers.py" line="+155"/>
        <source>(not set)</source>
        <translation>(не задано)</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+3"/>
        <source>Results by source</source>
        <translation>Результаты по источникам</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Results by campaign</source>
        <translation>Результаты по кампаниям</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results by keyword</source>
        <translation>Результаты по ключевым фразам</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <location filename="../../app/core/reports/exports/tables.py" line="-27"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+2"/>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+1"/>
        <source>Keyword</source>
        <translation>Ключевая фраза</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+54"/>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+1"/>
        <source>Leads per visit</source>
        <translation>Конверсия визита</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>(continued)</source>
        <translation>(продолжение)</translation>
    </message>
    <message>
        <location line="+75"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+14"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+1"/>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+2"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/core/reports/exports/tables.py" line="+4"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Leads (first {n} of {total})</source>
        <translation>Обращения (первые {n} из {total})</translation>
    </message>
    <message>
        <location filename="../../app/core/reports/exports/tables.py" line="-96"/>
        <source>New</source>
        <translation>Новое</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replied</source>
        <translation>С ответом</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+34"/>
        <source>Cost per lead</source>
        <translation>Стоимость обращения</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+36"/>
        <source>Median response, min</source>
        <translation>Медиана ответа, мин</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+36"/>
        <source>90% response, min</source>
        <translation>90 % ответов, мин</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Medium</source>
        <translation>Тип трафика</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New contacts</source>
        <translation>Новые обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat contacts</source>
        <translation>Повторные обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracked share</source>
        <translation>Доля отслеженных</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unreplied leads</source>
        <translation>Обращения без ответа</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Breakdown</source>
        <translation>Разрез</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lead</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tracking address</source>
        <translation>Адрес отслеживания</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response, min</source>
        <translation>Ответ, мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal amount</source>
        <translation>Сумма сделки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal date</source>
        <translation>Дата сделки</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Cannot write {path}: {reason}</source>
        <translation>Не удаётся записать {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/reports/numbers.py" line="-370"/>
        <source>under 15 min</source>
        <translation>&lt; 15 мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>15–60 min</source>
        <translation>15–60 мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–4 h</source>
        <translation>1–4 ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4–24 h</source>
        <translation>4–24 ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–3 days</source>
        <translation>1–3 дня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over 3 days</source>
        <translation>&gt; 3 дней</translation>
    </message>
    <message>
        <location line="+230"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../app/core/reports/overview.py" line="+97"/>
        <source>Mailbox {name}: the last sync failed.</source>
        <translation>Почтовый ящик {name}: последняя синхронизация не удалась.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No visits imported yet.</source>
        <translation>Визиты ещё не загружены.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visits not imported for {days} days.</source>
        <translation>Визиты не загружались {days} дн.</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <location filename="../../app/core/storage/database.py" line="+59"/>
        <source>The database URL is not valid: {url}</source>
        <translation>Недопустимый URL базы данных: {url}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsupported database “{backend}”: use a postgresql:// URL.</source>
        <translation>Неподдерживаемая база данных «{backend}»: используйте URL вида postgresql://.</translation>
    </message>
    <message>
        <location line="+115"/>
        <location line="+57"/>
        <location line="+22"/>
        <source>Database error in {where}.</source>
        <translation>Ошибка базы данных в {where}.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Cannot create the data folder {folder}: {reason}</source>
        <translation>Не удаётся создать папку данных {folder}: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The database file {where} is damaged or is not a Mailsource database. Restore it from a backup (Mailsource keeps .bak copies beside it) or choose another data folder.</source>
        <translation>Файл базы данных {where} повреждён или не является базой данных Mailsource. Восстановите его из резервной копии (Mailsource хранит копии .bak рядом с ним) или выберите другую папку данных.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database file {where} is read-only. Give your user write access to it and its folder, or choose another data folder.</source>
        <translation>Файл базы данных {where} доступен только для чтения. Дайте своему пользователю право записи в этот файл и его папку или выберите другую папку данных.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database file {where} is locked by another program. Close the program using it (a backup or sync tool, a database browser) and try again.</source>
        <translation>Файл базы данных {where} заблокирован другой программой. Закройте программу, которая его использует (резервное копирование, синхронизацию файлов, просмотрщик баз данных), и повторите попытку.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The disk holding {where} is full. Free some space and try again; nothing was saved from this operation.</source>
        <translation>Диск, на котором находится {where}, заполнен. Освободите место и повторите попытку; ничего из этой операции не сохранено.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open the database file {where}. Check that the folder exists and is writable.</source>
        <translation>Не удаётся открыть файл базы данных {where}. Проверьте, что папка существует и доступна для записи.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The PostgreSQL server at {where} refused the user name or password.</source>
        <translation>Сервер PostgreSQL {where} не принял имя пользователя или пароль.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database in {where} does not exist on the server.</source>
        <translation>База данных {where} на сервере не существует.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot reach the PostgreSQL server at {where}. Check the address and that the server is running.</source>
        <translation>Нет связи с сервером PostgreSQL {where}. Проверьте адрес и то, что сервер запущен.</translation>
    </message>
    <message>
        <location filename="../../app/core/storage/lock.py" line="+40"/>
        <source>Cannot use the data folder {folder}: {reason}</source>
        <translation>Не удаётся использовать папку данных {folder}: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The data in {folder} is open in another Mailsource window{holder}. Switch to that window, or close it first.</source>
        <translation>Данные в {folder} открыты в другом окне Mailsource{holder}. Перейдите в то окно или сначала закройте его.</translation>
    </message>
    <message>
        <location filename="../../app/core/storage/migrate.py" line="+105"/>
        <source>The database {where} was written by a newer version of Mailsource (schema {revision}). Update Mailsource to open it.</source>
        <translation>База данных {where} записана более новой версией Mailsource (схема {revision}). Чтобы открыть её, обновите Mailsource.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not make a safety copy of {where} before upgrading it: {reason}</source>
        <translation>Не удалось сделать страховочную копию {where} перед обновлением: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Upgrading the database {where} failed. The previous copy was restored from {backup}; nothing was lost.</source>
        <translation>Не удалось обновить базу данных {where}. Прежняя копия восстановлена из {backup}; ничего не потеряно.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Upgrading the database {where} failed.</source>
        <translation>Не удалось обновить базу данных {where}.</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../app/core/clients/validation.py" line="+26"/>
        <source>The name cannot be empty.</source>
        <translation>Название не может быть пустым.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name is too long: {n} characters, at most {max}.</source>
        <translation>Название слишком длинное: символов — {n}, допускается не более {max}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The name contains control characters.</source>
        <translation>Название содержит управляющие символы.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“{domain}” is not a domain name.</source>
        <translation>«{domain}» — не доменное имя.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{domain}” is not a valid domain name.</source>
        <translation>«{domain}» — недопустимое доменное имя.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>“{address}” is not a valid email address: {reason}</source>
        <translation>«{address}» — недопустимый адрес электронной почты: {reason}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“{code}” is not a three-letter currency code.</source>
        <translation>«{code}» — не трёхбуквенный код валюты.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{color}” is not a colour like #4e79a7.</source>
        <translation>«{color}» — не цвет вида #4e79a7.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The notes are too long: at most {max} characters.</source>
        <translation>Заметки слишком длинные: допускается не более {max} символов.</translation>
    </message>
</context>
<context>
    <name>visits</name>
    <message>
        <location filename="../../app/core/snippet.py" line="+88"/>
        <source>Enter the site&apos;s main e-mail address</source>
        <translation>Введите основной адрес электронной почты сайта</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not an e-mail address: {value}</source>
        <translation>Это не адрес электронной почты: {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tokens must be 6 to 32 characters long</source>
        <translation>Длина токена должна быть от 6 до 32 символов</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep tokens for 1 to 730 days</source>
        <translation>Срок хранения токенов — от 1 до 730 дней</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The fixed pool is empty</source>
        <translation>Пул адресов пуст</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the catch-all sub-domain for tokens</source>
        <translation>Введите поддомен catch-all для токенов</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Metrica counter id must be a positive number</source>
        <translation>Номер счётчика Метрики должен быть положительным числом</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Matomo dimension id must be a positive number</source>
        <translation>Номер параметра Matomo должен быть положительным числом</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a GA4 measurement id: {value}</source>
        <translation>Это не идентификатор потока данных GA4: {value}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The CSS selector may not contain markup</source>
        <translation>CSS-селектор не может содержать разметку</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Paste the code just before &lt;/body&gt; on every page of the site, after the web analytics counters.</source>
        <translation>Вставьте код непосредственно перед &lt;/body&gt; на каждой странице сайта, после счётчиков веб-аналитики.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep {address} in the page as it is: visitors see their own address only after they scroll, click, tap or type, and robots reading the page source never see it.</source>
        <translation>Оставьте {address} на странице как есть: посетители увидят свой адрес только после того, как прокрутят страницу, щёлкнут, коснутся экрана или начнут вводить текст, а роботы, читающие исходный код страницы, не увидят его никогда.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Make sure the mail server delivers {example} to {local}@{domain} (plus addressing is on in Gmail, Yandex and Mail.ru; in Microsoft 365 turn it on).</source>
        <translation>Убедитесь, что почтовый сервер доставляет {example} в {local}@{domain} (плюс-адресация включена в Gmail, Яндексе и Mail.ru; в Microsoft 365 её нужно включить).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set up the sub-domain {domain} with its own MX record and a catch-all mailbox that delivers to the client&apos;s mailbox.</source>
        <translation>Настройте поддомен {domain} с собственной MX-записью и ящиком catch-all, который доставляет почту в почтовый ящик клиента.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create the {count} pool addresses as aliases of the client&apos;s mailbox.</source>
        <translation>Создайте адреса пула ({count}) как псевдонимы почтового ящика клиента.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yandex Metrica (counter {counter}): nothing to set up. Export visits with the Logs API including ym:s:parsedParamsKey1 and ym:s:parsedParamsKey2; the token is the visit parameter {param}.</source>
        <translation>Яндекс Метрика (счётчик {counter}): ничего настраивать не нужно. Выгружайте визиты через Logs API с полями ym:s:parsedParamsKey1 и ym:s:parsedParamsKey2; токен — это параметр визита {param}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>GA4: the script sends the events {shown} and {contact}. To see them in reports, register the event parameters {params} as event-scoped custom dimensions; the BigQuery export has them without registration.</source>
        <translation>GA4: скрипт отправляет события {shown} и {contact}. Чтобы видеть их в отчётах, зарегистрируйте параметры событий {params} как специальные параметры на уровне события; в экспорте BigQuery они есть и без регистрации.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Matomo: the token goes to the visit-scope custom dimension {dimension} and to the event category email_tracking.</source>
        <translation>Matomo: токен передаётся в пользовательский параметр визита {dimension} и в категорию событий email_tracking.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Matomo: create a visit-scope custom dimension and enter its id in the client&apos;s settings; until then the token goes to the event category email_tracking only.</source>
        <translation>Matomo: создайте пользовательский параметр уровня визита и укажите его номер в настройках клиента; до тех пор токен передаётся только в категорию событий email_tracking.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check: open the site, scroll, and see the address change; it stays the same after a reload for {days} days.</source>
        <translation>Проверка: откройте сайт, прокрутите страницу и убедитесь, что адрес сменился; после перезагрузки он остаётся прежним в течение {days} дн.</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/detect.py" line="+56"/>
        <source>delimiter {delimiter}</source>
        <translation>разделитель {delimiter}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Yandex Metrica Logs API (visits)</source>
        <translation>Яндекс Метрика, Logs API (визиты)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GA4 BigQuery export (JSON)</source>
        <translation>Экспорт GA4 в BigQuery (JSON)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GA4 BigQuery query (CSV)</source>
        <translation>Запрос GA4 к BigQuery (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GA4 report download (CSV)</source>
        <translation>Скачанный отчёт GA4 (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matomo visits log</source>
        <translation>Журнал визитов Matomo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV with a column mapping</source>
        <translation>CSV с сопоставлением столбцов</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../../app/core/visits/formats/ga4.py" line="+366"/>
        <location filename="../../app/core/visits/formats/mapped_csv.py" line="+110"/>
        <location filename="../../app/core/visits/formats/matomo.py" line="+195"/>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this is an Excel or ZIP file: save it as CSV first</source>
        <translation>это файл Excel или ZIP: сначала сохраните его в формате CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is compressed: unpack it first</source>
        <translation>файл сжат: сначала распакуйте его</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this is not a text file</source>
        <translation>это не текстовый файл</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>JSON that is neither a GA4 nor a Matomo export</source>
        <translation>JSON, который не является экспортом ни GA4, ни Matomo</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>a BigQuery table saved as CSV keeps nested columns as JSON: export it as JSON (newline delimited) or run the query Mailsource shows</source>
        <translation>таблица BigQuery, сохранённая в CSV, хранит вложенные столбцы как JSON: экспортируйте её в JSON (с разделением по строкам) или выполните запрос, который показывает Mailsource</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the file is an error message from the analytics: {message}</source>
        <translation>файл содержит сообщение об ошибке от системы аналитики: {message}</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/errors.py" line="+21"/>
        <source>Cannot import {file}: {reason}</source>
        <translation>Не удаётся импортировать {file}: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot import {file}, line {line}: {reason}</source>
        <translation>Не удаётся импортировать {file}, строка {line}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/formats/ga4.py" line="-107"/>
        <location filename="../../app/core/visits/formats/ga4_ui.py" line="+221"/>
        <location filename="../../app/core/visits/formats/mapped_csv.py" line="+49"/>
        <location filename="../../app/core/visits/formats/matomo.py" line="-34"/>
        <source>robot visit (headless browser)</source>
        <translation>визит робота (браузер без интерфейса)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>no event_timestamp or user_pseudo_id</source>
        <translation>нет event_timestamp или user_pseudo_id</translation>
    </message>
    <message>
        <location line="+50"/>
        <location filename="../../app/core/visits/formats/matomo.py" line="-34"/>
        <source>not a JSON object</source>
        <translation>не объект JSON</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the header lacks the columns {columns}</source>
        <translation>в заголовке нет столбцов {columns}</translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../../app/core/visits/formats/ga4_ui.py" line="-28"/>
        <location filename="../../app/core/visits/formats/mapped_csv.py" line="-22"/>
        <location filename="../../app/core/visits/formats/matomo.py" line="+90"/>
        <location filename="../../app/core/visits/formats/metrica.py" line="+390"/>
        <source>expected {expected} columns, found {found}</source>
        <translation>ожидалось столбцов: {expected}, найдено: {found}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no user_pseudo_id</source>
        <translation>нет user_pseudo_id</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>unreadable event time: {value}</source>
        <translation>не удаётся прочитать время события: {value}</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../app/core/visits/formats/ga4_ui.py" line="-10"/>
        <location filename="../../app/core/visits/formats/mapped_csv.py" line="-10"/>
        <location filename="../../app/core/visits/formats/matomo.py" line="-8"/>
        <location filename="../../app/core/visits/formats/metrica.py" line="+174"/>
        <source>bytes that are not valid in the file&apos;s encoding</source>
        <translation>байты, недопустимые в кодировке файла</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/formats/ga4_ui.py" line="-58"/>
        <source>the file has no table</source>
        <translation>в файле нет таблицы</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the table has no date column: add the dimension &quot;Date hour and minute&quot; or &quot;Date + hour&quot; to the exploration</source>
        <translation>в таблице нет столбца с датой: добавьте в исследование параметр «Дата, час и минута» или «Дата + час»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>GA4 dates are in the property&apos;s time zone: set the site&apos;s time zone</source>
        <translation>даты GA4 указаны в часовом поясе ресурса: укажите часовой пояс сайта</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no tracking token column: visits can only be matched by time, not by token</source>
        <translation>нет столбца с токеном отслеживания: визиты можно сопоставить только по времени, а не по токену</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>only the first table of the file was imported</source>
        <translation>импортирована только первая таблица файла</translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../../app/core/visits/formats/mapped_csv.py" line="+24"/>
        <location filename="../../app/core/visits/formats/metrica.py" line="+4"/>
        <source>unreadable date and time: {value}</source>
        <translation>не удаётся прочитать дату и время: {value}</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/formats/jsonstream.py" line="+65"/>
        <source>broken JSON: {error}</source>
        <translation>повреждённый JSON: {error}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the JSON array is not closed</source>
        <translation>массив JSON не закрыт</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a comma is missing in the JSON</source>
        <translation>в JSON пропущена запятая</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>broken or truncated JSON: {error}</source>
        <translation>повреждённый или обрезанный JSON: {error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a JSON record is too large</source>
        <translation>запись JSON слишком велика</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/formats/mapped_csv.py" line="-78"/>
        <source>the times carry no time zone: set the site&apos;s time zone or the mapping&apos;s</source>
        <translation>у времени не указан часовой пояс: задайте часовой пояс сайта или сопоставления</translation>
    </message>
    <message>
        <location line="+97"/>
        <location filename="../../app/core/visits/formats/metrica.py" line="-8"/>
        <source>a number column holds text</source>
        <translation>в числовом столбце текст</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/formats/matomo.py" line="-156"/>
        <source>no idVisit or firstActionTimestamp</source>
        <translation>нет idVisit или firstActionTimestamp</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Matomo returned an error: {message}</source>
        <translation>Matomo вернул ошибку: {message}</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the header has no idVisit column</source>
        <translation>в заголовке нет столбца idVisit</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/formats/metrica.py" line="-248"/>
        <source>the header has no ym:s:visitID or ym:s:dateTime column</source>
        <translation>в заголовке нет столбца ym:s:visitID или ym:s:dateTime</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ym:s:dateTime is missing; times come from ym:s:dateTimeUTC, which Yandex documents as UTC+3</source>
        <translation>нет ym:s:dateTime; время берётся из ym:s:dateTimeUTC, которое, по документации Яндекса, указано в UTC+3</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the file joins several Logs API parts</source>
        <translation>файл объединяет несколько частей выгрузки Logs API</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>ym:s:visitID is not a number</source>
        <translation>ym:s:visitID — не число</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>robot visit (headless browser or JavaScript off)</source>
        <translation>визит робота (браузер без интерфейса или JavaScript выключен)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>broken visit params array</source>
        <translation>повреждённый массив параметров визита</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>broken escaping (a backslash at the end of a value)</source>
        <translation>нарушено экранирование (обратная косая черта в конце значения)</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>ym:s:dateTime and ym:s:dateTimeUTC disagree with the site&apos;s time zone: check the time zone setting</source>
        <translation>ym:s:dateTime и ym:s:dateTimeUTC не согласуются с часовым поясом сайта: проверьте настройку часового пояса</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/mapping.py" line="+135"/>
        <source>The saved column mapping is damaged</source>
        <translation>Сохранённое сопоставление столбцов повреждено</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown visit fields in the mapping: {fields}</source>
        <translation>Неизвестные поля визита в сопоставлении: {fields}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the column with the visit&apos;s date and time</source>
        <translation>Выберите столбец с датой и временем визита</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The file has no columns named {columns}</source>
        <translation>В файле нет столбцов с именами {columns}</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/options.py" line="+59"/>
        <source>Unknown time zone: {zone}</source>
        <translation>Неизвестный часовой пояс: {zone}</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/reader.py" line="+55"/>
        <source>map the file&apos;s columns before importing</source>
        <translation>перед импортом сопоставьте столбцы файла</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this export writes local times: set the site&apos;s time zone in the client&apos;s settings first</source>
        <translation>в этой выгрузке местное время: сначала укажите часовой пояс сайта в настройках клиента</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>the file holds no visits</source>
        <translation>в файле нет визитов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} visits read</source>
        <translation>Прочитано визитов: {count}</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/importer.py" line="+105"/>
        <source>importing it needs about {needed} free on the disk of {folder}, which has {free}: free some space first (nothing was imported)</source>
        <translation>для импорта нужно около {needed} свободного места на диске с {folder}, а свободно {free}: сначала освободите место (ничего не импортировано)</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Building indexes</source>
        <translation>Построение индексов</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location line="+368"/>
        <source>Matching leads to visits</source>
        <translation>Сопоставление обращений с визитами</translation>
    </message>
    <message>
        <location filename="../../app/core/visits/service.py" line="-267"/>
        <source>The fixed pool has {size} addresses but the traffic needs about {needed}: emails will be matched to the wrong visit. Add addresses or switch to per-visit tokens.</source>
        <translation>В пуле адресов {size} адр., а для такого трафика нужно около {needed}: письма будут сопоставляться не с теми визитами. Добавьте адреса или перейдите на токены визитов.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The hold time must be between 1 minute and 30 days</source>
        <translation>Время удержания должно быть от 1 минуты до 30 дней</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The pool lists an address twice</source>
        <translation>В пуле адресов есть повторяющийся адрес</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No saved column mapping named “{name}”</source>
        <translation>Нет сохранённого сопоставления столбцов с названием «{name}»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name the column mapping</source>
        <translation>Назовите сопоставление столбцов</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row</source>
        <translation>Данные строки</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot write {file}: {reason}</source>
        <translation>Не удаётся записать {file}: {reason}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/ui/application.py" line="+38"/>
        <source>Preparing demo data…</source>
        <translation>Подготовка демо-данных…</translation>
    </message>
</context>
</TS>
