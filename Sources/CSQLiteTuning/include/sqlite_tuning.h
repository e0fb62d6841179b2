#ifndef VOC_SQLITE_TUNING_H
#define VOC_SQLITE_TUNING_H

/* Turns off SQLite's memory statistics for the whole process. They are kept under a global mutex taken on every
   allocation SQLite makes, by every connection; voc never reads them. Effective only before SQLite initializes
   (the first connection opened); returns SQLite's result code (SQLITE_MISUSE when too late). */
int voc_sqlite_disable_memory_statistics(void);

#endif
