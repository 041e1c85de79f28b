#pragma once

#include <QObject>

class QSocketNotifier;

namespace LittleLemon {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread. The handler
// only writes a byte to a socket pair (async-signal-safe); the event loop
// reads it and emits terminationRequested(), so shutdown runs normal code.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace LittleLemon
