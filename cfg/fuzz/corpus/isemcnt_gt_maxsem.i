# 0 "isemcnt_gt_maxsem.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "isemcnt_gt_maxsem.cfg"
CRE_SEM(SEM1, { TA_TFIFO, 2, 2 });
CRE_SEM(SEM2, { TA_TFIFO, 3, 2 });
CRE_SEM(SEM3, { TA_TFIFO, -1, 2 });
