/*
 * sensor - a µITRON task that takes a reading every READ_MS and sends
 * it to READING_DTQ, a bridged data queue: what other nodes get of it
 * is unitron-netd's business (docs/cluster.md), not the task's.
 */
#ifndef SENSOR_H
#define SENSOR_H

#define SENSOR_PRIORITY	8
#define STACK_SIZE	8192
#define READ_MS		200	/* between two readings */
#define NREADINGS	5	/* then the task ends */

#ifndef _MACRO_ONLY
void	sensor_task(VP_INT exinf);
#endif

#endif /* SENSOR_H */
