#ifndef SHAREHOUSE_SQLITE3_SHIM_H
#define SHAREHOUSE_SQLITE3_SHIM_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE  /* RTLD_DEFAULT in glibc's dlfcn.h */
#endif
#include <dlfcn.h>
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
/// Looked up at run time, not linked: a binary built against 3.38+ headers must still
/// load against a 3.37 library (Ubuntu 22.04), where the function does not exist.
static inline int sharehouse_error_offset(sqlite3 *db) {
    typedef int (*error_offset_function)(sqlite3 *);
    static error_offset_function function = 0;
    static int looked_up = 0;
    if (!looked_up) {
        function = (error_offset_function)dlsym(RTLD_DEFAULT, "sqlite3_error_offset");
        looked_up = 1;
    }
    return function ? function(db) : -1;
}

/// SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.
static inline sqlite3_destructor_type sharehouse_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
