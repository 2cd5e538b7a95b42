# 0 "dynamic.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "dynamic.cfg"




# 1 "dynamic.h" 1







# 1 "../../../itron/include/kernel.h" 1
# 11 "../../../itron/include/kernel.h"
# 1 "../../../itron/include/itron.h" 1
# 12 "../../../itron/include/kernel.h" 2
# 1 "../stub/port_kernel.h" 1
# 13 "../../../itron/include/kernel.h" 2
# 9 "dynamic.h" 2
# 6 "dynamic.cfg" 2
INCLUDE("\"dynamic.h\"");

AID_SEM(2);
CRE_SEM(SEM1, { 0x00U, 0, 1 });
AID_MBF(1 << 2);
AID_TSK(0);
AID_ALM(1);
AID_ALM(2);
AID_MPL(3);
AID_SEM(1);
DEF_MPK({ sizeof(mpk_area), mpk_area });
