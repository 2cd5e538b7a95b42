# 0 "overflow.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "overflow.cfg"
CRE_TSK(TASK1, { TA_HLNG, 0, task1, 5, 0x7fffffff + 1, NULL });
CRE_TSK(TASK2, { TA_HLNG, 0, task1, 5, 1 << 40, NULL });
CRE_TSK(TASK3, { TA_HLNG, 0, task1, 5, -1 << 3, NULL });
CRE_TSK(TASK4, { TA_HLNG, 0, task1, 5, 99999999999999999999, NULL });
CRE_TSK(TASK5, { TA_HLNG, 0, task1, 5, 089, NULL });
CRE_TSK(TASK6, { TA_HLNG, 0, task1, 5, 12abc, NULL });
