#include "app.h"
CRE_SEM(SEM1, { TA_TFIFO, 0, 1 });
