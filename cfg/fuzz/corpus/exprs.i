# 1 "exprs.cfg"
CRE_TSK(T_CAST, { 0x00U, (VP_INT) 1, task, (UINT)(5), 0x400, ((void *) 0) });
CRE_TSK(T_OCT, { (ATR)0, 0, task, 010, 1024UL, NULL });
CRE_TSK(T_COND, { 0, 0, task, 1 ? 3 : 1/0, 1 << 12, (VP)0 });
CRE_TSK(T_CHAR, { 0, 'a', task, '\x05', sizeof(long) * 512, stk });
CRE_SEM(S_NEG, { 1, -(-2), 0xFFFFu >> 4 });
CRE_SEM(3, { 0 && (1/0), !0, (3 > 2) + (2 >= 2) });
CRE_FLG(F, { 1 | 2, ~0U });
CRE_CYC(C, { 2 | 4, (VP_INT) -1, cyc, (RELTIM) 1000, 1000 % 7 });
CRE_MPF(M, { 0, (UB) 260, 16, NULL });
CRE_DTQ(D, { 0, N_DTQ, NULL });
DEF_TEX(1, { 0, tex });
DEF_INH(INHNO_X, { 0, (void (*)(void)) h });
