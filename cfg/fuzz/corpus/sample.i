# 0 "sample.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "sample.cfg"




# 1 "sample.h" 1
# 9 "sample.h"
# 1 "/work/main/itron/include/kernel.h" 1
# 11 "/work/main/itron/include/kernel.h"
# 1 "/work/main/itron/include/itron.h" 1
# 12 "/work/main/itron/include/kernel.h" 2
# 1 "/work/main/tests/cfg/stub/port_kernel.h" 1
# 13 "/work/main/itron/include/kernel.h" 2
# 10 "sample.h" 2
# 6 "sample.cfg" 2

INCLUDE("\"sample.h\"");
INCLUDE("<kernel.h>");
INCLUDE("\"sample.h\"");


DEF_TEX(TASK3, { 0x00U, tex_routine });

CRE_TSK(TASK1, { 0x00U, (VP_INT) 1, task, 10, 8192, ((void *) 0) });
CRE_TSK(TASK2, { 0x00U, (VP_INT) 2, task, ENUM_PRIORITY, 8192,
   ((void *) 0) });
CRE_TSK(TASK3, { 0x00U, (VP_INT) 3, task, 11,
   sizeof(user_stack), user_stack });
CRE_TSK(MAIN_TASK, { 0x00U | 0x02U, 0, main_task, 5,
       8192, ((void *) 0) });
DEF_TEX(TASK1, { 0x00U, tex_routine });

CRE_SEM(SEM1, { 0x01U, 1, 1 });
CRE_SEM(SEM2, { 0x00U, 0, ENUM_MAXSEM });
CRE_FLG(FLG1, { 0x02U | 0x04U, 0x0f });
CRE_DTQ(DTQ1, { 0x00U, 8, ((void *) 0) });
CRE_DTQ(DTQ2, { 0x01U, 0, ((void *) 0) });
CRE_DTQ(DTQ3, { 0x00U, 4, user_dtq_area });
CRE_MBX(MBX1, { 0x02U, 4, ((void *) 0) });
CRE_MPF(MPF1, { 0x00U, 4, 100, ((void *) 0) });
CRE_MPF(MPF2, { 0x01U, 2, 128, user_mpf_area });
CRE_CYC(CYCHDR1, { 0x00U, 0, cyclic_handler, 2000, 0 });
CRE_CYC(CYCHDR2, { 0x00U | 0x02U, (VP_INT) 42, cyclic_handler, 100, 50 });

DEF_INH(14U, { 0x00U, timer_handler });
ATT_ISR({ 0x00U, (VP_INT) 7, 10U, isr_routine });
ATT_ISR({ 0x00U, (VP_INT) 8, 10U, isr_routine });
DEF_EXC(11U, { 0x00U, exc_handler });
ATT_INI({ 0x00U, (VP_INT) 1, init_routine });
ATT_INI({ 0x00U, (VP_INT) 2, init_routine });
VATT_TER({ 0x00U, (VP_INT) 3, term_routine });
