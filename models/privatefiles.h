#pragma once

#include <QString>

namespace LittleLemon {

// Files that hold people's data or a secret are the owner's alone: umask
// 077 makes new ones so, and this makes existing ones so too. A data
// directory or database left 0755/0644 by an older version or another
// umask is tightened (0700/0600) before it is opened, and the log says so
// once: after that it is private and nothing is said again. SQLite creates
// -wal and -shm with the mode of their database, and existing ones are
// tightened here with it.
class PrivateFiles
{
public:
    // The directory, 0700 (created that way when missing). False if it
    // cannot be made private (not ours, read-only file system): the caller
    // goes on, the log has the reason.
    static bool directory(const QString &path);
    // The file, 0600, when it exists.
    static bool file(const QString &path);
    // A SQLite database with its -wal, -shm and -journal.
    static bool database(const QString &path);
};

} // namespace LittleLemon
