# 0 "div_zero.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "div_zero.cfg"

CRE_TSK(TASK1, { TA_HLNG, 0, task1, 5, 4096 / 0, NULL });
CRE_SEM(SEM1, { TA_TFIFO, 0, 10 % (2 - 2) });
CRE_SEM(SEM2, { TA_TFIFO, 0, 1 ? 1 : 1 / 0 });
