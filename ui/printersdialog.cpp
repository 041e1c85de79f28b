#include "ui/printersdialog.h"

#include "api/client/printhostapi.h"
#include "models/localstore.h"
#include "print/printservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

using namespace LittleLemon::Print;

namespace {
enum PrinterColumn { NameColumn, KindColumn, TargetColumn, WidthColumn, CodePageColumn, ReceiptsColumn, ColumnCount };
}

PrintersDialog::PrintersDialog(LocalStore *store, PrintService *printing, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_printing(printing)
{
    setWindowTitle(tr("Printers"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each printer is a station. Categories print at the station chosen below; "
                                "the rest at the first printer."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_printers = new QTableWidget(0, ColumnCount, this);
    m_printers->setObjectName(QStringLiteral("printersTable"));
    // Short headers (Spanish and Portuguese double their length); the long
    // words are in each header's tooltip.
    m_printers->setHorizontalHeaderLabels(
        { tr("Station"), tr("Kind"), tr("Address"), tr("Paper"), tr("Code page"), tr("Receipts") });
    m_printers->horizontalHeaderItem(TargetColumn)
        ->setToolTip(tr("A network printer's address (host:port), a system printer's name, or a folder"));
    m_printers->horizontalHeaderItem(CodePageColumn)
        ->setToolTip(tr("The printer's character table: CP858 for € and Western Europe, CP860 for Portuguese"));
    m_printers->verticalHeader()->hide();
    m_printers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_printers->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    m_printers->setMinimumHeight(120);
    layout->addWidget(m_printers, 1);

    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add printer"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *test = new QPushButton(tr("Print a test page"), this);
    for (QPushButton *b : { add, remove, test })
        b->setAutoDefault(false);
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch(1);
    row->addWidget(test);
    layout->addLayout(row);

    m_routes = new QTableWidget(0, 2, this);
    m_routes->setObjectName(QStringLiteral("routesTable"));
    m_routes->setHorizontalHeaderLabels({ tr("Category"), tr("Prints at") });
    m_routes->verticalHeader()->hide();
    m_routes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_routes->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_routes->setMinimumHeight(100);
    layout->addWidget(m_routes, 1);

    m_host = new QCheckBox(tr("This terminal prints kitchen tickets for new orders"), this);
    m_host->setToolTip(tr("Turn this on at one terminal of the restaurant only: each terminal with it on "
                          "prints every new order."));
    layout->addWidget(m_host);
    auto *hostRow = new QHBoxLayout;
    m_hostNote = new QLabel(this);
    m_hostNote->setObjectName(QStringLiteral("printHostNote"));
    m_hostNote->setWordWrap(true);
    hostRow->addWidget(m_hostNote, 1);
    m_takeOver = new QPushButton(tr("Take over"), this);
    m_takeOver->setObjectName(QStringLiteral("takeOverButton"));
    m_takeOver->setAutoDefault(false);
    m_takeOver->hide();
    hostRow->addWidget(m_takeOver, 0, Qt::AlignTop);
    layout->addLayout(hostRow);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("printQueueStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    for (const PrinterConfig &p : m_printing->queue()->printers())
        addPrinterRow(p.name, int(p.kind), p.target, int(p.width), codePageName(p.codePage), p.receipts);
    m_host->setChecked(m_printing->isKitchenHost());
    refreshStations();
    refreshStatus();
    showHostState();

    connect(add, &QPushButton::clicked, this, [this] {
        addPrinterRow(m_printers->rowCount() == 0 ? QStringLiteral("kitchen") : QStringLiteral("bar"), 0,
                      QStringLiteral("192.168.1.50:9100"), 80, QStringLiteral("CP858"), m_printers->rowCount() == 0);
        refreshStations();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_printers->currentRow() >= 0)
            m_printers->removeRow(m_printers->currentRow());
        refreshStations();
    });
    connect(m_printers, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == NameColumn)
            refreshStations();
    });
    connect(test, &QPushButton::clicked, this, &PrintersDialog::testPage);
    connect(m_takeOver, &QPushButton::clicked, this, [this] { claimHost(true); });
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &PrintersDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_printing->spooler(), &PrintSpooler::statusChanged, this, &PrintersDialog::refreshStatus);
    resize(760, 560);
}

void PrintersDialog::addPrinterRow(const QString &name, int kind, const QString &target, int mm,
                                   const QString &codePage, bool receipts)
{
    const int row = m_printers->rowCount();
    m_printers->insertRow(row);
    m_printers->setItem(row, NameColumn, new QTableWidgetItem(name));
    auto *kinds = new QComboBox(m_printers);
    kinds->addItems({ tr("Network ESC/POS"), tr("System printer"), tr("PDF to a folder") });
    kinds->setCurrentIndex(kind);
    m_printers->setCellWidget(row, KindColumn, kinds);
    m_printers->setItem(row, TargetColumn, new QTableWidgetItem(target));
    auto *widths = new QComboBox(m_printers);
    widths->addItems({ tr("58 mm"), tr("80 mm") });
    widths->setCurrentIndex(mm == 58 ? 0 : 1);
    m_printers->setCellWidget(row, WidthColumn, widths);
    auto *pages = new QComboBox(m_printers);
    pages->addItems({ QStringLiteral("CP858"), QStringLiteral("CP860") });
    pages->setCurrentText(codePage);
    m_printers->setCellWidget(row, CodePageColumn, pages);
    auto *takes = new QTableWidgetItem;
    takes->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    takes->setCheckState(receipts ? Qt::Checked : Qt::Unchecked);
    m_printers->setItem(row, ReceiptsColumn, takes);
}

QStringList PrintersDialog::stationNames() const
{
    QStringList names;
    for (int r = 0; r < m_printers->rowCount(); ++r)
        if (const QTableWidgetItem *item = m_printers->item(r, NameColumn))
            if (!item->text().trimmed().isEmpty())
                names.append(item->text().trimmed());
    return names;
}

void PrintersDialog::refreshStations()
{
    // Keep what is chosen on screen; the saved routes the first time.
    QHash<qint64, QString> chosen = m_printing->queue()->routes();
    for (int r = 0; r < m_routes->rowCount(); ++r)
        if (auto *combo = qobject_cast<QComboBox *>(m_routes->cellWidget(r, 1)))
            chosen.insert(m_routes->item(r, 0)->data(Qt::UserRole).toLongLong(), combo->currentText());
    const QStringList stations = stationNames();
    const auto categories = m_store->cache()->categories();
    m_routes->setRowCount(int(categories.size()));
    for (int r = 0; r < categories.size(); ++r) {
        auto *name = new QTableWidgetItem(categories.at(r).record.title);
        name->setData(Qt::UserRole, categories.at(r).record.id);
        name->setFlags(Qt::ItemIsEnabled);
        m_routes->setItem(r, 0, name);
        auto *combo = new QComboBox(m_routes);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->addItems(stations);
        // Empty until a printer exists: say so rather than show a blank box.
        combo->setPlaceholderText(tr("Add a printer first"));
        combo->setEnabled(!stations.isEmpty());
        if (stations.isEmpty())
            combo->setCurrentIndex(-1);
        const QString was = chosen.value(categories.at(r).record.id);
        if (stations.contains(was))
            combo->setCurrentText(was);
        m_routes->setCellWidget(r, 1, combo);
    }
}

bool PrintersDialog::save()
{
    QList<PrinterConfig> printers;
    QStringList seen;
    for (int r = 0; r < m_printers->rowCount(); ++r) {
        PrinterConfig p;
        p.name = m_printers->item(r, NameColumn) ? m_printers->item(r, NameColumn)->text().trimmed() : QString();
        p.target = m_printers->item(r, TargetColumn) ? m_printers->item(r, TargetColumn)->text().trimmed() : QString();
        if (p.name.isEmpty() || p.target.isEmpty() || seen.contains(p.name)) {
            m_error->setText(tr("Row %1: each printer needs its own station name and an address, printer or folder.")
                                 .arg(r + 1));
            return false;
        }
        seen.append(p.name);
        p.kind = PrinterConfig::Kind(qobject_cast<QComboBox *>(m_printers->cellWidget(r, KindColumn))->currentIndex());
        p.width = qobject_cast<QComboBox *>(m_printers->cellWidget(r, WidthColumn))->currentIndex() == 0
            ? PaperWidth::Mm58
            : PaperWidth::Mm80;
        p.codePage = codePageFromName(qobject_cast<QComboBox *>(m_printers->cellWidget(r, CodePageColumn))->currentText())
                         .value_or(CodePage::Cp858);
        p.receipts = m_printers->item(r, ReceiptsColumn)->checkState() == Qt::Checked;
        printers.append(p);
    }
    QHash<qint64, QString> routes;
    for (int r = 0; r < m_routes->rowCount(); ++r)
        if (auto *combo = qobject_cast<QComboBox *>(m_routes->cellWidget(r, 1)); combo && !combo->currentText().isEmpty())
            routes.insert(m_routes->item(r, 0)->data(Qt::UserRole).toLongLong(), combo->currentText());
    if (!m_printing->queue()->savePrinters(printers) || !m_printing->queue()->saveRoutes(routes)) {
        m_error->setText(tr("The printers could not be saved on this computer."));
        return false;
    }
    m_error->clear();
    if (m_host->isChecked() != m_printing->isKitchenHost()) {
        if (!m_host->isChecked()) {
            m_printing->setKitchenHost(false);
            if (m_keeper)
                m_keeper->release();
            showHostState();
        } else if (serverKnowsHost()) {
            claimHost(false); // the box stays off until the server agrees
            m_host->setChecked(false);
        } else {
            m_printing->setKitchenHost(true);
        }
    }
    refreshStatus();
    return true;
}

void PrintersDialog::setPrintHostLease(Client::ApiClient *client, Client::PrintHostKeeper *keeper)
{
    m_client = client;
    m_keeper = keeper;
    showHostState();
}

bool PrintersDialog::serverKnowsHost() const
{
    return m_client && m_keeper && m_client->hasFeature(QStringLiteral("print_host"));
}

void PrintersDialog::setHostNote(const QString &text, bool warning)
{
    m_hostNote->setText(text);
    m_hostNote->setStyleSheet(warning ? QStringLiteral("color: #b00020") : QString());
}

void PrintersDialog::showHostState()
{
    m_takeOver->hide();
    if (!serverKnowsHost()) {
        setHostNote(tr("This server does not record which terminal prints the kitchen's tickets: the choice is "
                       "made per terminal, and Little Lemon Desk cannot check whether another terminal has it on. "
                       "Turn it on at one terminal only."),
                    false);
        return;
    }
    const QString me = m_printing->terminalId();
    Client::PrintHostApi::current(*m_client)->then(this, [this, me](const Client::Result<Client::PrintHostLease> &r) {
        if (!r) {
            setHostNote(tr("Could not ask the server which terminal prints the kitchen's tickets: %1")
                            .arg(r.error().userMessage()),
                        true);
        } else if (!r->held) {
            setHostNote(tr("No terminal prints the kitchen's tickets at the moment."), false);
        } else if (r->terminalId == me) {
            setHostNote(tr("This terminal (%1) prints the kitchen's tickets.").arg(r->terminalName), false);
        } else {
            setHostNote(tr("The kitchen's tickets print at \"%1\".").arg(r->terminalName), false);
        }
    });
}

void PrintersDialog::claimHost(bool takeOver)
{
    if (!serverKnowsHost())
        return;
    m_takeOver->setEnabled(false);
    Client::PrintHostApi::claim(*m_client, m_printing->terminalId(), m_printing->terminalName(), takeOver,
                                m_keeper->ttl())
        ->then(this, [this](const Client::Result<Client::PrintHostLease> &r) {
            m_takeOver->setEnabled(true);
            if (r) {
                m_takeOver->hide();
                m_host->setChecked(true);
                m_printing->setKitchenHost(true);
                m_keeper->keep();
                setHostNote(tr("This terminal (%1) prints the kitchen's tickets.").arg(r->terminalName), false);
                return;
            }
            m_host->setChecked(false);
            if (const auto holder = Client::PrintHostApi::holderOf(r.error())) {
                setHostNote(tr("\"%1\" already prints the kitchen's tickets. If this terminal printed them too, "
                               "every ticket would come out twice, so it does not. Take over to print them here "
                               "instead; \"%1\" then stops.")
                                .arg(holder->terminalName),
                            true);
                m_takeOver->show();
                return;
            }
            setHostNote(tr("Could not check with the server whether another terminal prints the kitchen's "
                           "tickets, so this terminal does not print them yet: %1")
                            .arg(r.error().userMessage()),
                        true);
        });
}

void PrintersDialog::testPage()
{
    const int row = m_printers->currentRow() >= 0 ? m_printers->currentRow() : 0;
    if (m_printers->rowCount() == 0 || !save())
        return;
    m_printing->host()->printTestPage(m_printers->item(row, NameColumn)->text().trimmed());
}

void PrintersDialog::refreshStatus()
{
    QStringList lines;
    for (const PrinterConfig &p : m_printing->queue()->printers())
        lines.append(m_printing->spooler()->statusText(p.name));
    m_status->setText(lines.isEmpty() ? tr("No printers on this terminal yet.") : lines.join(u'\n'));
}

} // namespace LittleLemon::Ui
