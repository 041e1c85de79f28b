#include "cliapp.h"

#include "clicommon.h"

#include "api/client/apiclient.h"
#include "api/client/authsession.h"
#include "api/client/eventsocket.h"
#include "api/client/tokenstore.h"
#include "models/localstore.h"
#include "models/orderworkflow.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace LittleLemon::Cli {


CliApp::CliApp(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

CliApp::~CliApp()
{
    // The engine and the store before the client whose jobs they watch.
    m_engine.reset();
    if (m_store)
        m_store->close();
}

void CliApp::run()
{
    const QStringList &a = m_options.args;
    const QString command = a.value(0);
    const QString verb = a.value(1);
    if (command == u"login" && a.size() == 1)
        login();
    else if (command == u"logout" && a.size() == 1)
        logout();
    else if (command == u"status" && a.size() == 1)
        status();
    else if (command == u"sync" && a.size() == 1)
        sync();
    else if ((command == u"menu" || command == u"orders" || command == u"bookings") && verb == u"list" && a.size() == 2)
        list(command);
    else if (command == u"watch" && a.size() == 1)
        watch();
    else if (command == u"report" && a.size() == 1)
        report();
    else if (command == u"outbox" && verb == u"list" && a.size() == 2)
        list(command);
    else if (command == u"outbox")
        outbox();
    else if (command == u"menu" || command == u"orders")
        edit();
    else
        finish(Usage, tr("Unknown command \"%1\". See littlelemon-cli --help.").arg(a.join(u' ')));
}

// ---- output -----------------------------------------------------------------------

void CliApp::finish(int code, const QString &message, const QJsonValue &data)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_options.json) {
        QJsonObject out { { QStringLiteral("result"), resultName(code) }, { QStringLiteral("exit_code"), code } };
        if (!message.isEmpty())
            out.insert(QStringLiteral("message"), message);
        if (!data.isUndefined() && !data.isNull())
            out.insert(QStringLiteral("data"), data);
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    } else if (!message.isEmpty()) {
        QTextStream(code == Ok ? stdout : stderr) << message << Qt::endl;
    }
    std::fflush(stdout);
    // Deliver after the caller returns: nothing else runs on a finished command.
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(code); });
}

void CliApp::printTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QString &h : headers)
        widths << int(h.size());
    for (const QStringList &row : rows)
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], int(row.at(i).size()));
    QTextStream out(stdout);
    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (int i = 0; i < cells.size(); ++i)
            padded << (i + 1 < cells.size() ? cells.at(i).leftJustified(widths.value(i)) : cells.at(i));
        out << padded.join(QStringLiteral("  ")) << Qt::endl;
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
}

QString CliApp::readPassword()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return QString();
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

// ---- steps ------------------------------------------------------------------------

bool CliApp::loadProfile()
{
    QSettings settings;
    m_serverKey = m_options.server.isEmpty() ? settings.value(kProfileServer).toString() : m_options.server;
    m_user = m_options.user.isEmpty() ? settings.value(kProfileUser).toString() : m_options.user;
    if (m_serverKey.isEmpty() || m_user.isEmpty()) {
        finish(Auth, tr("Not signed in. Run: littlelemon-cli login --server URL --user NAME --password-stdin"));
        return false;
    }
    return true;
}

void CliApp::makeClient()
{
    QString error;
    const auto endpoint = Client::ServerEndpoint::fromUserInput(m_serverKey, &error);
    m_client = std::make_unique<Client::ApiClient>(endpoint);
    m_client->setTimeout(m_options.timeoutMs);
    if (m_options.rate > 0)
        m_client->setRateLimit(m_options.rate);
    // A script would rather fail than sit out a long Retry-After.
    m_client->setMaxThrottleWait(120);
    // A person at a terminal sees why nothing happens; stdout (and --json) stays the answer's.
    connect(m_client.get(), &Client::ApiClient::waitingForRateLimit, this, [](int, const QString &text) {
        QTextStream(stderr) << text << Qt::endl;
    });
}

bool CliApp::openStore(bool forWatch)
{
    makeClient();
    if (!m_client->endpoint().isValid()) {
        finish(Usage, tr("\"%1\" is not a server address.").arg(m_serverKey));
        return false;
    }
    LocalStore::Paths paths = LocalStore::pathsFor(m_client->endpoint().key(), m_user);
    if (!m_options.dataDir.isEmpty()) {
        const QString dir = QDir(m_options.dataDir).absolutePath();
        paths.cache = dir + u'/' + QFileInfo(paths.cache).fileName();
        paths.outbox = dir + u'/' + QFileInfo(paths.outbox).fileName();
    }
    if (forWatch) {
        paths.cache += QStringLiteral(".watch");
        paths.outbox += QStringLiteral(".watch");
    }
    QDir().mkpath(QFileInfo(paths.outbox).absolutePath());
    // One command at a time per outbox: two syncs at once would send the same entry twice.
    m_lock = std::make_unique<QLockFile>(paths.outbox + QStringLiteral(".lock"));
    if (!m_lock->tryLock(60000)) {
        finish(Error, tr("Another littlelemon-cli is working on this outbox (%1).").arg(m_lock->fileName()));
        return false;
    }
    m_store = std::make_unique<LocalStore>();
    if (!m_store->open(paths)) {
        finish(Error, tr("Cannot open the local copy: %1").arg(m_store->errorString()));
        return false;
    }
    m_engine = std::make_unique<Client::SyncEngine>(m_client.get(), m_store.get());
    return true;
}

void CliApp::signIn(Then then)
{
    Client::AuthSession *session = m_client->session();
    Client::Job<User> *job = nullptr;
    if (m_options.passwordStdin) {
        const QString password = readPassword();
        if (password.isEmpty()) {
            then(Usage, tr("No password on standard input."));
            return;
        }
        job = session->login(m_user, password);
    } else {
        job = session->restore(m_user);
    }
    job->then(this, [this, then](const Client::Result<User> &result) {
        if (result) {
            then(Ok, QString());
            return;
        }
        const ApiError &e = result.error();
        switch (e.kind()) {
        case ApiError::Kind::Unauthorized:
            if (!m_options.passwordStdin
                && (Client::TokenStore::usingMemoryFallback() || !QSettings().value(kProfileKeychain, true).toBool())) {
                then(Auth, tr("Not signed in: this computer has no password keychain, so a sign-in is kept only "
                              "while one command runs. Run login again, or give this command --password-stdin."));
                return;
            }
            then(Auth, m_options.passwordStdin ? e.userMessage()
                                               : tr("Not signed in (%1). Run: littlelemon-cli login --password-stdin")
                                                     .arg(e.userMessage()));
            return;
        case ApiError::Kind::Protocol:
            then(Error, e.userMessage());
            return;
        default:
            // Unreachable (ApiError::isUnreachable) or busy: the work waits.
            then(Offline, e.userMessage());
            return;
        }
    });
}

void CliApp::syncThen(std::function<void(const Client::SyncReport &)> then)
{
    connect(m_engine.get(), &Client::SyncEngine::syncFinished, this,
            [then](const Client::SyncReport &report) { then(report); }, Qt::SingleShotConnection);
    m_engine->syncNow();
}

void CliApp::refresh(Then then)
{
    if (m_options.offline) {
        then(Offline, tr("Not contacting the server (--offline)."));
        return;
    }
    signIn([this, then](int code, const QString &message) {
        if (code != Ok) {
            then(code, message);
            return;
        }
        syncThen([then](const Client::SyncReport &report) {
            const int c = codeForSync(report);
            then(c, c == Ok ? QString() : report.error.userMessage());
        });
    });
}

// ---- login, logout, status, sync ---------------------------------------------------------

void CliApp::login()
{
    if (m_options.server.isEmpty() || m_options.user.isEmpty() || !m_options.passwordStdin) {
        finish(Usage, tr("usage: littlelemon-cli login --server URL --user NAME --password-stdin"));
        return;
    }
    m_serverKey = m_options.server;
    m_user = m_options.user;
    if (!openStore())
        return;
    signIn([this](int code, const QString &message) {
        if (code != Ok) {
            finish(code, message);
            return;
        }
        QSettings settings;
        settings.setValue(kProfileServer, m_client->endpoint().base().toString());
        settings.setValue(kProfileUser, m_user);
        settings.setValue(kProfileKeychain, !Client::TokenStore::usingMemoryFallback());
        settings.sync();
        if (Client::TokenStore::usingMemoryFallback())
            QTextStream(stderr) << tr("Warning: this computer has no password keychain; the next command will need "
                                      "to sign in again (login, or --password-stdin).")
                                << Qt::endl;
        syncThen([this](const Client::SyncReport &report) {
            const User &user = m_client->session()->user();
            const int code = codeForSync(report);
            const QJsonObject data { { QStringLiteral("server"), m_client->endpoint().base().toString() },
                                     { QStringLiteral("user"), user.username },
                                     { QStringLiteral("id"), user.id },
                                     { QStringLiteral("role"), toWire(user.role()) },
                                     { QStringLiteral("keychain"), !Client::TokenStore::usingMemoryFallback() } };
            QString text = tr("Signed in to %1 as %2 (%3).")
                               .arg(m_client->endpoint().displayName(), user.username, toWire(user.role()));
            if (code == Ok)
                text += u' '
                    + tr("Local copy: %1 menu items, %2 orders.")
                          .arg(m_store->cache()->rowCount(Entity::MenuItem))
                          .arg(m_store->cache()->rowCount(Entity::Order));
            else
                text += u' ' + tr("The first sync did not finish: %1").arg(report.error.userMessage());
            finish(code, text, data);
        });
    });
}

void CliApp::logout()
{
    if (!loadProfile())
        return;
    makeClient();
    Client::TokenStore *store = m_client->session()->tokenStore();
    store->remove(m_client->endpoint().key(), m_user, this, [this] {
        QSettings settings;
        settings.remove(kProfileUser);
        settings.sync();
        finish(Ok, tr("Signed out %1. Unsent changes stay in this computer's outbox until %1 signs in again.")
                       .arg(m_user));
    });
}

void CliApp::status()
{
    if (!loadProfile() || !openStore())
        return;
    auto report = [this](bool probed, bool online, const QString &why) {
        const QJsonObject data { { QStringLiteral("server"), m_client->endpoint().base().toString() },
                                 { QStringLiteral("user"), m_user },
                                 { QStringLiteral("online"), probed ? QJsonValue(online) : QJsonValue() },
                                 { QStringLiteral("pending"), m_store->outbox()->pendingCount() },
                                 { QStringLiteral("failed"), m_store->outbox()->failedCount() },
                                 { QStringLiteral("conflicts"), m_store->outbox()->conflictCount() },
                                 { QStringLiteral("last_sync"), isoUtc(m_store->cache()->lastSyncTime()) },
                                 { QStringLiteral("features"), QJsonArray::fromStringList(m_store->cache()->serverFeatures()) } };
        if (!m_options.json) {
            QTextStream out(stdout);
            out << tr("Server:     %1").arg(m_client->endpoint().displayName()) << Qt::endl
                << tr("User:       %1").arg(m_user) << Qt::endl
                << tr("Server is:  %1").arg(!probed ? tr("not asked (--offline)") : online ? tr("online") : tr("offline: %1").arg(why))
                << Qt::endl
                << tr("Unsent:     %1").arg(m_store->outbox()->pendingCount()) << Qt::endl
                << tr("Refused:    %1").arg(m_store->outbox()->failedCount()) << Qt::endl
                << tr("Conflicts:  %1").arg(m_store->outbox()->conflictCount()) << Qt::endl
                << tr("Last sync:  %1").arg(m_store->cache()->lastSyncTime().isValid()
                                                ? m_store->cache()->lastSyncTime().toLocalTime().toString(Qt::ISODate)
                                                : tr("never"))
                << Qt::endl;
        }
        finish(Ok, QString(), data);
    };
    if (m_options.offline) {
        report(false, false, QString());
        return;
    }
    auto *probe = m_client->health();
    probe->setTimeout(std::min(m_options.timeoutMs, 5000));
    probe->then(this, [report](const Client::Result<QString> &result) {
        const auto kind = result.error().kind();
        const bool online = result.ok() || !ApiError::isUnreachable(kind);
        report(true, online, result.error().userMessage());
    });
}

void CliApp::watch()
{
    if (m_options.offline) {
        finish(Usage, tr("watch needs the server; leave out --offline."));
        return;
    }
    if (!loadProfile() || !openStore(true))
        return;
    signIn([this](int code, const QString &message) {
        if (code != Ok) {
            finish(code, message);
            return;
        }
        // What is there now is the starting point; from then on each change is a line.
        syncThen([this](const Client::SyncReport &report) {
            if (!report.ok && report.error.kind() == ApiError::Kind::Unauthorized) {
                finish(Auth, report.error.userMessage());
                return;
            }
            connect(m_store.get()->cache(), &LocalCache::changed, this, &CliApp::printChange);
            const QString server = m_client->endpoint().displayName();
            auto say = [this, server](bool live) {
                const QString how = live ? tr("live")
                                         : tr("checking every %n s", nullptr, m_engine->interval() / 1000);
                QTextStream(stderr) << tr("Watching %1: %2").arg(server, how) << Qt::endl;
            };
            connect(m_engine.get(), &Client::SyncEngine::liveChanged, this, say);
            connect(m_engine.get(), &Client::SyncEngine::signInRequired, this,
                    [this](const QString &why) { finish(Auth, why); });
            m_engine->start();
            // Where the server pushes changes, the next word is "live" (or
            // "checking" once the socket cannot come up).
            if (!m_client->hasFeature(QStringLiteral("events")) || !m_engine->isLiveEnabled())
                say(false);
        });
    });
}

void CliApp::printChange(const StoreChange &change)
{
    const QString entity = entityWireName(change.entity);
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const qint64 seq = m_store->cache()->changeSeq();
    QTextStream out(stdout);
    auto line = [&](qint64 id, const QString &op, const QString &word, const QString &stage) {
        if (m_options.json) {
            QJsonObject o { { QStringLiteral("entity"), entity },
                            { QStringLiteral("id"), id },
                            { QStringLiteral("op"), op },
                            { QStringLiteral("at"), at } };
            if (seq > 0)
                o.insert(QStringLiteral("seq"), seq);
            if (!stage.isEmpty())
                o.insert(QStringLiteral("stage"), stage);
            out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << Qt::endl;
        } else {
            out << entity << u' ' << id << u' ' << word << Qt::endl;
        }
    };
    QList<qint64> touched = change.inserted;
    touched += change.updated;
    if (change.entity == Entity::Order && !touched.isEmpty()) {
        for (const OrderSummary &o : m_store->cache()->orderSummaries(touched)) {
            if (o.id <= 0)
                continue;
            const QString stage = o.stage ? toWire(*o.stage) : (o.status ? QStringLiteral("delivered") : QString());
            line(o.id, QStringLiteral("upsert"), stage.isEmpty() ? QStringLiteral("updated") : stage, stage);
        }
    } else {
        for (qint64 id : change.inserted)
            if (id > 0)
                line(id, QStringLiteral("upsert"), QStringLiteral("new"), QString());
        for (qint64 id : change.updated)
            if (id > 0)
                line(id, QStringLiteral("upsert"), QStringLiteral("updated"), QString());
    }
    for (qint64 id : change.removed)
        if (id > 0)
            line(id, QStringLiteral("delete"), QStringLiteral("deleted"), QString());
    std::fflush(stdout);
}

void CliApp::sync()
{
    if (!loadProfile() || !openStore())
        return;
    if (m_options.offline) {
        finish(Usage, tr("sync needs the server; leave out --offline."));
        return;
    }
    signIn([this](int code, const QString &message) {
        if (code != Ok) {
            const int pending = m_store->outbox()->pendingCount();
            finish(code, pending > 0 ? message + u' ' + tr("%n change(s) wait in the outbox.", nullptr, pending) : message);
            return;
        }
        syncThen([this](const Client::SyncReport &report) {
            int code = codeForSync(report);
            if (code == Ok && m_store->outbox()->failedCount() > 0)
                code = Refused;
            else if (code == Ok && m_store->outbox()->conflictCount() > 0)
                code = Conflict;
            const QJsonObject data { { QStringLiteral("sent"), report.sent },
                                     { QStringLiteral("found"), report.found },
                                     { QStringLiteral("failed"), report.failed },
                                     { QStringLiteral("conflicts"), report.conflicts },
                                     { QStringLiteral("pulled"), report.pulled },
                                     { QStringLiteral("full_read"), report.fullRead },
                                     { QStringLiteral("requests"), report.requests },
                                     { QStringLiteral("elapsed_ms"), report.elapsedMs },
                                     { QStringLiteral("pending"), m_store->outbox()->pendingCount() },
                                     { QStringLiteral("failed_total"), m_store->outbox()->failedCount() },
                                     { QStringLiteral("conflicts_total"), m_store->outbox()->conflictCount() } };
            QString text;
            if (report.ok) {
                text = tr("Synced: %1 sent, %2 refused, %3 in conflict; %4 records read in %5 ms.")
                           .arg(report.sent + report.found)
                           .arg(report.failed)
                           .arg(report.conflicts)
                           .arg(report.pulled)
                           .arg(report.elapsedMs);
                if (code == Refused || code == Conflict)
                    text += u' ' + tr("See: littlelemon-cli outbox list");
            } else {
                text = report.error.userMessage() + u' '
                    + tr("%n change(s) wait in the outbox.", nullptr, m_store->outbox()->pendingCount());
            }
            finish(code, text, data);
        });
    });
}

} // namespace LittleLemon::Cli
