# 0 "dup_inh.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "dup_inh.cfg"
DEF_INH(3, { TA_HLNG, handler1 });
DEF_INH(INHNO_TIMER, { TA_HLNG, handler2 });
DEF_INH(1 + 2, { TA_HLNG, handler3 });
DEF_INH(INHNO_TIMER, { TA_HLNG, handler4 });
