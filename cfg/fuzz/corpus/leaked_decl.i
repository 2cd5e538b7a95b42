# 0 "leaked_decl.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "leaked_decl.cfg"

extern void task1(VP_INT exinf);
typedef int MY_INT;
CRE_TSK(TASK1, { TA_HLNG, 0, task1, 5, 1024, NULL });
int counter = 0;
static void helper(void) { counter++; }
CRE_SEM(SEM1, { TA_TFIFO, 0, 1 });
