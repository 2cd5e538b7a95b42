#define MAIN_PRIORITY	5
#define WORKER_PRIORITY	6
#define STACK_SIZE	8192

#ifndef _MACRO_ONLY
void main_task(VP_INT exinf);
void worker(VP_INT exinf);
void tick(VP_INT exinf);
void poke(void);
#endif
