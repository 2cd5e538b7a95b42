/* print_pid - an ordinary program: kwrun runs it unchanged in ring 0. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("pid %d\n", (int)getpid());
	return 0;
}
