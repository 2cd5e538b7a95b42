# 0 "tex_twice.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "tex_twice.cfg"
DEF_TEX(TASK1, { TA_HLNG, texrtn1 });
CRE_TSK(TASK1, { TA_HLNG, 0, task1, 5, 1024, NULL });
DEF_TEX(TASK1, { TA_HLNG, texrtn2 });
