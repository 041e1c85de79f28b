// bench_ceiling: a bare QHttpServer answering one constant JSON page on
// 127.0.0.1, the ceiling for bench/server-throughput's figures.
//
//   bench_ceiling [PORT]     serves GET /; prints "listening on PORT" once it listens

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const quint16 wanted = argc > 1 ? quint16(QByteArray(argv[1]).toUInt()) : 0;
    QHttpServer server;
    // About the size of a small list page's head; the same for every request.
    const QByteArray page = QByteArrayLiteral("{\"count\":1,\"next\":null,\"previous\":null,\"results\":"
                                              "[{\"id\":1,\"title\":\"Lemon dessert\",\"price\":\"4.50\"}]}");
    server.route("/", [page]() {
        return QHttpServerResponse(QByteArrayLiteral("application/json"), page);
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, wanted);
    if (port == 0) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("listening on %u\n", unsigned(port));
    std::fflush(stdout);
    return app.exec();
}
