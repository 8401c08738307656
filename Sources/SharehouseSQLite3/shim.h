#ifndef SHAREHOUSE_SQLITE3_SHIM_H
#define SHAREHOUSE_SQLITE3_SHIM_H

#include <sqlite3.h>

// Swift cannot call C variadic functions, nor import the SQLITE_TRANSIENT macro
// (a cast of -1 to a function pointer). These wrappers give Swift what it needs.

/// Turns off double-quoted string literals for DDL and DML, so that "name" is always an
/// identifier and a typo never silently becomes a string.
/// https://www.sqlite.org/quirks.html#dblquote
static inline void sharehouse_disable_double_quoted_strings(sqlite3 *db) {
#if SQLITE_VERSION_NUMBER >= 3029000
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (void *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (void *)0);
#endif
}

/// Makes the connection refuse to corrupt the file through writable_schema or
/// low-level tricks. https://www.sqlite.org/c3ref/c_dbconfig_defensive.html
static inline void sharehouse_enable_defensive(sqlite3 *db) {
#if SQLITE_VERSION_NUMBER >= 3026000
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (void *)0);
#endif
}

/// The byte offset of the token that caused the last error, or -1.
/// https://www.sqlite.org/c3ref/errcode.html (sqlite3_error_offset, 3.38+)
static inline int sharehouse_error_offset(sqlite3 *db) {
#if SQLITE_VERSION_NUMBER >= 3038000
    return sqlite3_error_offset(db);
#else
    (void)db;
    return -1;
#endif
}

/// SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.
static inline sqlite3_destructor_type sharehouse_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
