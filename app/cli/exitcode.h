#pragma once

#include <QString>

namespace LittleLemon::Cli {

// What littlelemon-cli's exit status means; scripts may rely on these numbers
// (they are printed by `littlelemon-cli --help` and in --json output as "result").
enum ExitCode {
    Ok = 0,       // done; for edits: the server has it
    Error = 1,    // something unexpected (the local files cannot be opened, an unreadable answer)
    Usage = 2,    // wrong command line, or a value the edit cannot take
    Auth = 3,     // not signed in, wrong password, session over, or no keychain to keep the sign-in
    Offline = 4,  // the server could not be reached: edits wait in the outbox, lists show the local copy
    Refused = 5,  // the server refused a change (its words are shown); the local copy shows the server's value
    Conflict = 6, // someone changed it on the server first; kept for `outbox resolve SEQ mine|theirs`
    NotFound = 7, // no such record (or outbox entry) in the local copy
};

// "offline", for --json.
inline QString resultName(int code)
{
    switch (code) {
    case Ok:
        return QStringLiteral("ok");
    case Usage:
        return QStringLiteral("usage");
    case Auth:
        return QStringLiteral("auth");
    case Offline:
        return QStringLiteral("offline");
    case Refused:
        return QStringLiteral("refused");
    case Conflict:
        return QStringLiteral("conflict");
    case NotFound:
        return QStringLiteral("not_found");
    default:
        return QStringLiteral("error");
    }
}

} // namespace LittleLemon::Cli
