// Reading whole collections from a real littlelemon-server that pages like
// the cloud (3 a page): every `next` followed, progress reported, filters
// encoded, one page at a time on request, stopping on abort.
#include "clienttest.h"

#include <QSet>

using namespace LittleLemon;
using namespace LittleLemon::Client;
using namespace LittleLemon::Test;

class TestClientPagination : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void readAllWithDefaultPacing_data();
    void readAllWithDefaultPacing();
    void pageSizeWhereOffered();
    void filters_data();
    void filters();
    void onePage();
    void abortStopsReading();

private:
    TestServer m_server;
    QList<MenuItem> m_menu;
};

void TestClientPagination::initTestCase()
{
    QVERIFY(startServer(m_server, { QStringLiteral("--page-size"), QStringLiteral("3") }));
    QString error;
    m_menu = createMenu(m_server, 50, &error);
    QVERIFY2(m_menu.size() == 50, qPrintable(error));
}

void TestClientPagination::init()
{
    QStringList args { QStringLiteral("--page-size"), QStringLiteral("3") };
    if (QTest::currentTestFunction() == QLatin1String("readAllWithDefaultPacing")) {
        // The server's own throttles (20 anonymous, 100 signed-in requests a
        // minute), counted from zero for each row.
        QVERIFY(m_server.restart(args));
        return;
    }
    args << QStringLiteral("--throttle-anon") << QStringLiteral("100000") << QStringLiteral("--throttle-user")
         << QStringLiteral("100000");
    if (m_server.extraArgs() != args)
        QVERIFY(m_server.restart(args));
}

void TestClientPagination::readAllWithDefaultPacing_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("anonymous") << QString();
    QTest::newRow("signed in") << QStringLiteral("mario");
}

void TestClientPagination::readAllWithDefaultPacing()
{
    QFETCH(QString, user);
    auto client = makeClient(m_server);
    // The server's own page size (3, the cloud's), even where page_size is offered.
    client->setPageSize(0);
    if (!user.isEmpty())
        LL_VERIFY_OK(signIn(*client, user));
    QSignalSpy throttled(client.get(), &ApiClient::throttled);

    auto *job = client->menuItems();
    job->setAutoDelete(false);
    QSignalSpy progress(job, &ApiJob::progress);
    QSignalSpy done(job, &ApiJob::finished);
    QVERIFY(done.wait(30000));
    const auto result = job->result();
    LL_VERIFY_OK(result);

    QCOMPARE(result->size(), 50);
    QCOMPARE(result.value(), m_menu);
    QCOMPARE(job->count(), qint64(50));
    // 17 pages of 3 (the last of 2), each reported as it came.
    QCOMPARE(job->pagesDone(), 17);
    QCOMPARE(job->sends(), 17);
    QCOMPARE(progress.count(), 17);
    for (int i = 0; i < progress.count(); ++i) {
        QCOMPARE(progress.at(i).at(0).toLongLong(), qint64(i + 1));
        QCOMPARE(progress.at(i).at(1).toLongLong(), qint64(17));
    }
    // Well under both of the server's limits: no 429 met, nothing waited out.
    QCOMPARE(job->throttleWaits(), 0);
    QCOMPARE(throttled.count(), 0);
    delete job;
}

void TestClientPagination::pageSizeWhereOffered()
{
    auto client = makeClient(m_server);
    LL_VERIFY_OK(waitFor(client->discover()));
    client->setPageSize(20);
    auto *job = client->menuItems();
    job->setAutoDelete(false);
    QSignalSpy done(job, &ApiJob::finished);
    QVERIFY(done.wait(30000));
    LL_VERIFY_OK(job->result());
    QCOMPARE(job->result()->size(), 50);
    // With "page_size" the client asks for 20 a page; the cloud has no such
    // thing, and pages by 3 whatever is asked.
    QCOMPARE(job->pagesDone(), client->hasFeature(QStringLiteral("page_size")) ? 3 : 17);
    delete job;
}

void TestClientPagination::filters_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("ordering");
    QTest::addColumn<QList<int>>("numbers"); // "Item NN" in the order expected

    QList<int> all;
    for (int i = 1; i <= 50; ++i)
        all << i;
    QList<int> dearestFirst = all;
    std::reverse(dearestFirst.begin(), dearestFirst.end());

    QTest::newRow("search, any case") << QString() << QStringLiteral("ITEM") << QString() << QString() << all;
    // Words are searched for each on its own, in the title or the category slug.
    QTest::newRow("search two words") << QString() << QStringLiteral("item mains") << QString() << QString() << all;
    QTest::newRow("search, '+' sent as itself") << QString() << QStringLiteral("Item+01") << QString() << QString()
                                                << QList<int> {};
    QTest::newRow("search, nothing found") << QString() << QStringLiteral("lasagna") << QString() << QString()
                                           << QList<int> {};
    QTest::newRow("exact price") << QString() << QString() << QStringLiteral("7.00") << QString() << QList<int> { 7 };
    QTest::newRow("exact price, one decimal") << QString() << QString() << QStringLiteral("12.0") << QString()
                                              << QList<int> { 12 };
    QTest::newRow("category in capitals, dearest first")
        << QStringLiteral("MAINS") << QString() << QString() << QStringLiteral("-price") << dearestFirst;
    QTest::newRow("cheapest first") << QString() << QString() << QString() << QStringLiteral("price") << all;
    QTest::newRow("unknown category") << QStringLiteral("drinks") << QString() << QString() << QString()
                                      << QList<int> {};
}

void TestClientPagination::filters()
{
    QFETCH(QString, category);
    QFETCH(QString, search);
    QFETCH(QString, price);
    QFETCH(QString, ordering);
    QFETCH(QList<int>, numbers);

    auto client = makeClient(m_server);
    client->setRateLimit(100000); // the server's throttles are lifted here
    const auto result = waitFor(client->menuItems(MenuQuery { category, search, price, ordering }));
    LL_VERIFY_OK(result);
    QList<int> got;
    for (const MenuItem &m : result.value())
        got << m.title.mid(5).toInt();
    if (ordering.isEmpty()) {
        // The server's own order: by id (items were made concurrently, so ids
        // need not follow the numbers in the titles).
        auto idOf = [this](int number) {
            const auto it = std::find_if(m_menu.cbegin(), m_menu.cend(),
                                         [number](const MenuItem &m) { return m.title.mid(5).toInt() == number; });
            return it == m_menu.cend() ? qint64(0) : it->id;
        };
        std::sort(numbers.begin(), numbers.end(), [&](int a, int b) { return idOf(a) < idOf(b); });
    }
    QCOMPARE(got, numbers);
}

void TestClientPagination::onePage()
{
    auto client = makeClient(m_server);
    const auto page = waitFor(client->menuItemsPage(2));
    LL_VERIFY_OK(page);
    QCOMPARE(page->count, qint64(50));
    QCOMPARE(page->results, m_menu.mid(3, 3));
    QVERIFY(page->next.isValid());
    QVERIFY(page->previous.isValid());
    QCOMPARE(client->endpoint().rehome(page->next).path(), QStringLiteral("/api/menu-items"));
}

void TestClientPagination::abortStopsReading()
{
    auto client = makeClient(m_server);
    client->setPageSize(0);
    auto *job = client->menuItems();
    job->setAutoDelete(false);
    QSignalSpy progress(job, &ApiJob::progress);
    QSignalSpy done(job, &ApiJob::finished);
    connect(job, &ApiJob::progress, job, [job](qint64 pages) {
        if (pages == 2)
            job->abort();
    });
    QVERIFY(done.wait(10000));
    QCOMPARE(job->error().kind(), ApiError::Kind::Aborted);
    QTest::qWait(300);
    QCOMPARE(progress.count(), 2);
    QCOMPARE(job->sends(), 2);
    QCOMPARE(done.count(), 1);
    delete job;
}

QTEST_GUILESS_MAIN(TestClientPagination)
#include "tst_client_pagination.moc"
