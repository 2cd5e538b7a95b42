#define MAIN_PRIORITY	5
#define WORKER_PRIORITY	6
#define SPIN_PRIORITY	15
#define STACK_SIZE	4096
#define CYCLE_MS	100	/* the cyclic handler's period */

#ifndef _MACRO_ONLY
void main_task(VP_INT exinf);
void worker(VP_INT exinf);
void sleeper(VP_INT exinf);
void spinner(VP_INT exinf);
void cycle(VP_INT exinf);
#endif
