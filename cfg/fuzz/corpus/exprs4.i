# 1 "exprs4.cfg"
CRE_FLG(F235, { TA_TPRI, x ? 1 / 0 : 2 });
CRE_FLG(F236, { TA_TPRI, x && 1 % 0 });
