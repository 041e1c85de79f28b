#include "cloudpeer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QThread>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace LittleLemon::Test {

namespace {

// What the run script imports, and the Debian package of each.
const QList<QPair<QString, QString>> kModules = {
    { QStringLiteral("django"), QStringLiteral("python3-django") },
    { QStringLiteral("rest_framework"), QStringLiteral("python3-djangorestframework") },
    { QStringLiteral("django_filters"), QStringLiteral("python3-django-filters") },
    { QStringLiteral("rest_framework_simplejwt"), QStringLiteral("python3-djangorestframework-simplejwt") },
    { QStringLiteral("djoser"), QStringLiteral("python3-djoser") },
    { QStringLiteral("drf_spectacular"), QStringLiteral("python3-djangorestframework-spectacular") },
    { QStringLiteral("pymysql"), QStringLiteral("python3-pymysql") },
};

bool onPath(const QString &program)
{
    const QStringList dirs = qEnvironmentVariable("PATH").split(u':', Qt::SkipEmptyParts);
    for (const QString &dir : dirs) {
        if (QFileInfo(dir + u'/' + program).isExecutable())
            return true;
    }
    return false;
}

QString fakeTimeLibrary()
{
    for (const char *path : { "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
                              "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
                              "/usr/lib/faketime/libfaketime.so.1" }) {
        if (QFile::exists(QLatin1String(path)))
            return QLatin1String(path);
    }
    return QString();
}

// A Python string literal holding `text` (a JSON string is one).
QString pyString(const QString &text)
{
    const QString object = QString::fromUtf8(QJsonDocument(QJsonObject { { QStringLiteral("s"), text } })
                                                 .toJson(QJsonDocument::Compact));
    return object.mid(5).chopped(1); // {"s":"…"} → "…"
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

CloudPeer::CloudPeer(QObject *parent)
    : QObject(parent)
{
}

CloudPeer::~CloudPeer()
{
    kill();
}

QString CloudPeer::runScript()
{
    return QStringLiteral(LL_CLOUD_PEER_RUN);
}

QStringList CloudPeer::missingPackages()
{
    QStringList missing;
    for (const auto &[module, package] : kModules) {
        if (QProcess::execute(QStringLiteral("/usr/bin/python3"),
                              { QStringLiteral("-c"), QStringLiteral("import ") + module })
            != 0)
            missing << package;
    }
    if (!onPath(QStringLiteral("gunicorn")))
        missing << QStringLiteral("gunicorn");
    if (!onPath(QStringLiteral("curl")))
        missing << QStringLiteral("curl");
    return missing;
}

void CloudPeer::setDataDir(const QString &path)
{
    m_dataDir = path;
}

bool CloudPeer::start(Throttle throttle, bool menu, int timeoutMs)
{
    m_error.clear();
    if (!QFileInfo(runScript()).isExecutable()) {
        m_error = QStringLiteral("the cloud peer's run script is not at %1 (../shared/cloud-peer beside the source tree)")
                      .arg(runScript());
        return false;
    }
    const QStringList missing = missingPackages();
    if (!missing.isEmpty()) {
        m_error = QStringLiteral("the cloud peer needs Debian packages that are not installed: %1 "
                                 "(tools/setup-deps.sh installs them)")
                      .arg(missing.join(u' '));
        return false;
    }
    if (m_dataDir.isEmpty()) {
        m_tmp = std::make_unique<QTemporaryDir>();
        if (!m_tmp->isValid()) {
            m_error = QStringLiteral("no temporary directory: %1").arg(m_tmp->errorString());
            return false;
        }
        m_dataDir = m_tmp->path();
    }
    m_menu = menu;
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        if (m_port && launch(throttle, menu, timeoutMs))
            return true;
    }
    return false;
}

bool CloudPeer::restart(Throttle throttle, int timeoutMs)
{
    kill();
    return launch(throttle, m_menu, timeoutMs);
}

bool CloudPeer::launch(Throttle throttle, bool menu, int timeoutMs)
{
    QProcess run;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (m_clockOffsetS != 0) {
        const QString lib = fakeTimeLibrary();
        if (lib.isEmpty()) {
            m_error = QStringLiteral("libfaketime is not installed (package libfaketime; tools/setup-deps.sh installs it)");
            return false;
        }
        env.insert(QStringLiteral("LD_PRELOAD"), lib);
        env.insert(QStringLiteral("FAKETIME"), QStringLiteral("%1%2").arg(m_clockOffsetS > 0 ? "+" : "").arg(m_clockOffsetS));
        // gunicorn's arbiter compares its worker's heartbeat file (stamped
        // with the faked clock) with the real one: without a long timeout it
        // would take the worker for hung and kill it.
        env.insert(QStringLiteral("GUNICORN_CMD_ARGS"), QStringLiteral("--timeout 86400"));
    }
    run.setProcessEnvironment(env);
    QStringList args { QString::number(m_port), m_dataDir, QStringLiteral("--throttle"),
                       throttle == Throttle::On ? QStringLiteral("on") : QStringLiteral("off") };
    if (menu)
        args << QStringLiteral("--menu");
    run.start(runScript(), args);
    if (!run.waitForFinished(timeoutMs)) {
        run.kill();
        run.waitForFinished();
        m_error = QStringLiteral("the cloud peer did not start within %1 ms").arg(timeoutMs);
        return false;
    }
    const QByteArray out = run.readAllStandardOutput().trimmed();
    if (run.exitStatus() != QProcess::NormalExit || run.exitCode() != 0 || out.toLongLong() <= 0) {
        m_error = QStringLiteral("the cloud peer did not start (exit %1): %2")
                      .arg(run.exitCode())
                      .arg(QString::fromUtf8(run.readAllStandardError()).trimmed());
        return false;
    }
    m_pid = out.toLongLong();
    m_throttle = throttle;
    return true;
}

void CloudPeer::kill()
{
    if (m_pid <= 0)
        return;
    // The run script starts gunicorn with setsid: its pid is its process
    // group, which holds the worker too.
    ::kill(pid_t(-m_pid), SIGKILL);
    ::kill(pid_t(m_pid), SIGKILL);
    QDeadlineTimer deadline(10000);
    while (::kill(pid_t(m_pid), 0) == 0 && !deadline.hasExpired())
        QThread::msleep(20);
    m_pid = 0;
}

bool CloudPeer::isRunning() const
{
    return m_pid > 0 && ::kill(pid_t(m_pid), 0) == 0;
}

QUrl CloudPeer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QUrl CloudPeer::url(const QString &pathAndQuery) const
{
    return QUrl(url().toString() + pathAndQuery);
}

QString CloudPeer::logPath() const
{
    return m_dataDir + QStringLiteral("/access.log");
}

qint64 CloudPeer::mark() const
{
    return QFileInfo(logPath()).size();
}

QList<CloudPeer::Request> CloudPeer::requests(qint64 mark, const QString &userAgent) const
{
    QList<Request> out;
    QFile log(logPath());
    if (!log.open(QIODevice::ReadOnly))
        return out;
    log.seek(mark);
    // 127.0.0.1 - - [02/Dec/2026:03:30:00 +0000] "GET /api/orders?page=2 HTTP/1.1" 200 123 "-" "LittleLemonDesk/1.0"
    static const QRegularExpression line(QStringLiteral(R"re("(\S+) (\S+) [^"]*" (\d+) \S+ "[^"]*" "([^"]*)")re"));
    while (!log.atEnd()) {
        const QString text = QString::fromUtf8(log.readLine());
        const auto m = line.match(text);
        if (!m.hasMatch())
            continue;
        Request r { m.captured(1).toLatin1(), m.captured(2), m.captured(3).toInt(), m.captured(4) };
        if (userAgent.isEmpty() || r.userAgent.startsWith(userAgent))
            out << r;
    }
    return out;
}

bool CloudPeer::waitForRequests(qint64 mark, int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (requests(mark).size() < count) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

QByteArray CloudPeer::python(const QString &code, bool *ok)
{
    if (ok)
        *ok = false;
    QProcess shell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString here = QFileInfo(runScript()).absolutePath();
    // What the run script exports; it wrote DATADIR/peersettings when it started.
    env.insert(QStringLiteral("PYTHONPATH"), here + QStringLiteral("/backend:") + m_dataDir + QStringLiteral("/peersettings"));
    env.insert(QStringLiteral("DJANGO_SETTINGS_MODULE"), QStringLiteral("peer_settings"));
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    shell.setProcessEnvironment(env);
    shell.start(QStringLiteral("/usr/bin/python3"), { QStringLiteral("-m"), QStringLiteral("django"), QStringLiteral("shell"),
                                                      QStringLiteral("-c"), code });
    if (!shell.waitForFinished(120000) || shell.exitStatus() != QProcess::NormalExit || shell.exitCode() != 0) {
        shell.kill();
        m_error = QStringLiteral("Django shell failed: %1").arg(QString::fromUtf8(shell.readAllStandardError()).right(800));
        return QByteArray();
    }
    if (ok)
        *ok = true;
    return shell.readAllStandardOutput();
}

QString CloudPeer::pythonText(const QString &code)
{
    bool ok = false;
    const QByteArray out = python(code, &ok);
    return ok ? QString::fromUtf8(out).trimmed() : QStringLiteral("error: ") + m_error;
}

bool CloudPeer::addUser(const QString &username, const QString &password, const QString &group)
{
    bool ok = false;
    python(QStringLiteral(R"py(
from django.contrib.auth.models import User, Group
a = {'u': %1, 'p': %2, 'g': %3}
u = User.objects.create_user(a['u'], a['u'] + '@example.com', a['p'])
if a['g'] == 'admin':
    u.is_staff = True
    u.is_superuser = True
    u.save()
elif a['g'] != 'customer':
    u.groups.add(Group.objects.get_or_create(name=a['g'])[0])
)py")
               .arg(pyString(username), pyString(password), pyString(group)),
           &ok);
    return ok;
}

bool CloudPeer::seedOrders(const QString &customer, int count, int openNewest)
{
    bool ok = false;
    const QByteArray out = python(QStringLiteral(R"py(
from django.db import transaction
from django.contrib.auth.models import User
from LittleLemon.LittleLemonAPI.models import Category, MenuItem, Order, OrderItem
u = User.objects.get(username=%1)
m = MenuItem.objects.order_by('id').first()
if m is None:
    c, _ = Category.objects.get_or_create(slug='meals', defaults={'title': 'Meals'})
    m = MenuItem.objects.create(title='Lemon Cake', price='6.50', featured=False, category=c)
n, o = %2, %3
with transaction.atomic():
    Order.objects.bulk_create([Order(user=u, status=(i < n - o), total=m.price) for i in range(n)])
    made = list(Order.objects.filter(user=u).order_by('-id')[:n])
    OrderItem.objects.bulk_create([OrderItem(order=x, menuitem=m, quantity=1, unit_price=m.price, price=m.price) for x in made])
print(len(made))
)py")
                                      .arg(pyString(customer))
                                      .arg(count)
                                      .arg(openNewest),
                                  &ok);
    return ok && out.trimmed().toInt() == count;
}

} // namespace LittleLemon::Test
