# 0 "unbalanced_braces.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "unbalanced_braces.cfg"
CRE_TSK(TASK1, { TA_HLNG, 0, task1, 5, 1024, NULL );
CRE_TSK(TASK2, TA_HLNG, 0, task1, 5, 1024, NULL });
CRE_SEM(SEM1, { TA_TFIFO, 0, 1 }});
CRE_SEM(SEM2, { TA_TFIFO, 0, { 1 } });
