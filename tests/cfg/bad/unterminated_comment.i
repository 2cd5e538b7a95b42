CRE_SEM(SEM1, { TA_TFIFO, 0, 1 });
/* a comment that does not end
CRE_SEM(SEM2, { TA_TFIFO, 0, 1 });
