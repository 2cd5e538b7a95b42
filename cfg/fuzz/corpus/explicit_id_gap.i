# 0 "explicit_id_gap.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "explicit_id_gap.cfg"
CRE_SEM(SEM_A, { TA_TFIFO, 0, 1 });
CRE_SEM(5, { TA_TFIFO, 0, 1 });
CRE_SEM(0, { TA_TFIFO, 0, 1 });
