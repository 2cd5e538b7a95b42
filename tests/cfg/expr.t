#!/usr/bin/perl
# Unitron configurator: the integer constant expression evaluator
# (cfg/expr.c) against the C compiler, TAP for prove.
#
# Every expression of @values is evaluated by the configurator (through
# expr_driver.c) and compiled into a C program; value and type must be
# the same.  @unknown must be found valid but not evaluable, @errors must
# give the error message.
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Temp qw(tempdir);
use Test::More;

my $here = abs_path(dirname(__FILE__));
my $top = abs_path("$here/../..");
my $tmp = tempdir('unitron-expr-t.XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $cc = $ENV{CC} // 'gcc';

my @values = (
	# constants and their types
	'0', '1', '017', '0x1f', '0X1F', '0b101', '2147483647', '2147483648',
	'4294967295', '4294967296', '0x7fffffff', '0x80000000', '0xffffffff',
	'0x100000000', '9223372036854775807', '0x8000000000000000',
	'0xffffffffffffffff', '1u', '1U', '1l', '1L', '1ul', '1lu', '1LU',
	'1ll', '1LL', '1ull', '1llu', '0x80000000l', '4294967295u',
	'4294967296u', '037777777777', '0777777777777777777777',
	"'a'", "'\\n'", "'\\0'", "'\\x41'", "'\\101'", "'\\xff'", "'\\377'",
	"'\\''", "'\"'", "'\\\\'",
	# unary
	'-1', '+1', '- -1', '~0', '~0u', '~0ul', '!0', '!5', '-2147483647',
	'-(-2147483647) - 1', '-0x80000000', '-1u', '-1ul', '!!7',
	# arithmetic, usual conversions
	'1 + 2 * 3', '(1 + 2) * 3', '7 / 2', '-7 / 2', '7 % 3', '-7 % 3',
	'7 % -3', '1 - 2u', '1 - 2ul', '-1 + 0u', '-1 + 0ul', '-1L + 0u',
	'-1LL + 0ul', '0xffffffffu + 1', '0xffffffffu * 2u', '2147483647 - 1',
	'-2147483647 - 1', '4294967295u / 2', '-1 / 1u', '(1 << 30) - 1 + (1 << 30)',
	'100000 * 10000L', '3 * -4', '0u - 1 > 0', '-1 < 0u', '-1L < 0u',
	'-1 < 0ul', '-1LL < 0ul', '1 == 1u', '2 != 3', '3 >= 3', '3 <= 2',
	# shifts
	'1 << 30u', '1u << 31', '1ul << 63', '1l << 62', '-16 >> 2',
	'-1 >> 31', '0x80000000 >> 31', '0xffffffffu >> 1', '1 << 0',
	'5 >> 1ul', '-8L >> 1',
	# bitwise, logical, conditional
	'0x0f & 0x3c', '0x0f | 0x30', '0x0f ^ 0xff', '0 && 1', '2 && 3',
	'0 || 0', '0 || 7', '1 ? 2 : 3', '0 ? 2 : 3', '1 ? 2 : 3u',
	'0 ? 2 : 3ul', '1 ? -1 : 0u', '0 && (1 / 0)', '1 || (1 / 0)',
	'1 ? 5 : 1 / 0', '0 ? 1 / 0 : 6', '2 > 1 ? 4 > 3 : 0',
	'1 ? 2 : 0 ? 3 : 4',
	# casts
	'(UINT) 5', '(UINT)(5)', '(UINT) -1', '(INT) 4294967295u',
	'(UB) 260', '(B) 200', '(H) 65535', '(UH) -1', '(VP_INT) -1',
	'(SIZE) 1', '(SIZE) -1', '(ATR) 3', '(PRI) 7', '(ID) 1',
	'(RELTIM) 1000', '(unsigned char) 257', '(signed char) 255',
	'(char) 65', '(short) 70000', '(unsigned short) 70000',
	'(unsigned) -1', '(unsigned int) 1', '(long) 1', '(unsigned long) -1',
	'(long long) -1', '(unsigned long long) 1', '(long int) 3',
	'(const unsigned) 2', '(_Bool) 5', '(_Bool) 0', '(int)(UB) 300',
	'(UINT)(INT) -5', '(uint8_t) 511', '(int16_t) 40000',
	'(size_t) 3', '(uintptr_t) 0', '(W) 1', '(UW) 2', '(D) 3', '(UD) 4',
	'((UINT) 4) * 2', '(UINT) 1 << 31', '(FLGPTN) ~0', '(INHNO) 14',
	'__extension__ 5',
	# kernel.h constants
	'TA_HLNG | TA_ACT', 'TA_TPRI', 'TA_WMUL | TA_CLR', 'TA_STA | TA_PHS',
	'TMAX_TPRI - TMIN_TPRI + 1', 'TMAX_MAXSEM', 'TMAX_RELTIM', 'TRUE',
	'FALSE', 'TA_NULL', 'TMAX_MPRI', 'E_OK', '(TA_ACT) - 1',
	'(TMAX_TPRI) + (TA_STA)',
	# parentheses
	'((((((((((1))))))))))', '(((2 + 3)) * ((4)))',
);

my @unknown = (
	'x', 'x + 1', 'sizeof(int)', 'sizeof x', 'sizeof(int) * 4',
	'sizeof(struct foo)', '_Alignof(long)', '(VP) 0', '(void *) 0',
	'((void *) 0)', 'NULL', '"string"', '"a" "b"', 'f(1, 2)', 'a[3]',
	's.m', 'p->m', '&x', '*p', 'x++', '--x', 'x = 1', 'x += 2',
	'(x) - 1', '(x) + 1', '(T) 5', '(struct s *) 0', '1.5', '1e3',
	'0x1p3', '.5', '1.0f', "L'a'", "'ab'", 'ENUM_VALUE * 2',
	'(void (*)(VP_INT)) task', '__builtin_offsetof(struct s, m)',
	'x ? 1 : 2', '1 ? x : 2', '0 ? 1 : x', 'x && 0', 'x || 1',
	'(1, 2)', '(0, 1) ? 0 : 0', '1i', '(VP_INT) &x', '--x ? 1 : 2',
	'sizeof(int[3]) / sizeof(int)', '(int) sizeof(long)',
	'(x)(1)', 'f()', '(*f)(1)', '(void (*)(void)) 0', '(int (*)[4]) p',
	'x = y = 3', 'a ? b : c ? d : e', 'x ? 1 / 0 : 2', 'x && 1 % 0',
);

my @errors = (
	['1 / 0', 'division by zero'],
	['1 % 0', 'division by zero'],
	['x / 0', 'division by zero'],
	['2147483647 + 1', 'integer overflow'],
	['-2147483647 - 2', 'integer overflow'],
	['65536 * 65536', 'integer overflow'],
	['9223372036854775807 + 1', 'integer overflow'],
	['-(-2147483647 - 1)', 'integer overflow'],
	['(-2147483647 - 1) / -1', 'integer overflow'],
	['(-2147483647 - 1) % -1', 'integer overflow'],
	['1 << 31', 'integer overflow'],
	['1 << 31u', 'integer overflow'],
	['0x40000000 * 2', 'integer overflow'],
	['-2147483647L * 4294967297L * 3', 'integer overflow'],
	['-0x7fffffff - 2', 'integer overflow'],
	['(INT) -2147483647 - 2', 'integer overflow'],
	['(1 << 30) + (1 << 30) - 1', 'integer overflow'],
	['1 << 32', 'shift count out of range'],
	['1u << 32', 'shift count out of range'],
	['1 >> -1', 'shift count out of range'],
	['1ul << 64', 'shift count out of range'],
	['-1 << 1', 'left shift of negative value'],
	['99999999999999999999', 'too large'],
	['089', "invalid integer constant '089'"],
	['0x', "invalid integer constant '0x'"],
	['0b2', "invalid integer constant '0b2'"],
	['12abc', "invalid integer constant '12abc'"],
	['1lul', "invalid integer constant '1lul'"],
	['1lL', "invalid integer constant '1lL'"],
	['1uu', "invalid integer constant '1uu'"],
	['1 +', 'incomplete expression'],
	['1 2', "unexpected '2'"],
	['(1', 'incomplete expression'],
	['1)', "unexpected ')'"],
	['()', "unexpected ')'"],
	['1 ? 2', 'incomplete expression'],
	['a.', 'incomplete expression'],
	['a->1', "unexpected '1'"],
	['*', 'incomplete expression'],
	[', 1', "unexpected ','"],
	['1 ; 2', "unexpected ';'"],
	['1 #', "unexpected '#'"],
	['1 ...', "unexpected '...'"],
	['{ 1 }', "unexpected '{'"],
	['a[1', 'incomplete expression'],
	['f(1', 'incomplete expression'],
	['1 ? 1 / 0 : 2', 'division by zero'],
	['0 ? 2 : 1 / 0', 'division by zero'],
	['1 && 1 / 0', 'division by zero'],
	['0 || 1 % 0', 'division by zero'],
	['(UINT)(1 / 0)', 'division by zero'],
	['-(-9223372036854775807 - 1)', 'integer overflow'],
	['1 ' . ('+ 1 ' x 3) . '+ ' . ('(' x 600) . '1' . (')' x 600),
	    'expression too deeply nested'],
	[('- ' x 1000) . '1', 'expression too deeply nested'],
	[('!' x 1000) . '1', 'expression too deeply nested'],
	[('(int) ' x 1000) . '1', 'expression too deeply nested'],
	[('1 ? 1 : ' x 1000) . '1', 'expression too deeply nested'],
	[('x = ' x 1000) . '1', 'expression too deeply nested'],
	['"abc', 'unterminated string literal'],
	["'a", 'unterminated character constant'],
	['@', "stray '\@'"],
);

# The configurator's side.
my $drv = "$tmp/expr_driver";
my @cfgsrc = map { "$top/cfg/$_.c" }
    qw(run util lexer expr parser static_api generate);
# With the sanitizers when the compiler has them: undefined behaviour in
# the evaluator's own arithmetic is then an error too.
my @build = ($cc, '-std=c11', '-Wall', '-Wextra', '-Werror', "-I$top/cfg",
    '-o', $drv, "$here/expr_driver.c", @cfgsrc);
system(@build[0 .. 0], '-fsanitize=address,undefined',
    '-fno-sanitize-recover=all', @build[1 .. $#build]) == 0
    or system(@build) == 0
    or BAIL_OUT('cannot build expr_driver');

sub evaluate {
	my @exprs = @_;
	open(my $fh, '>', "$tmp/in") or die;
	print $fh map { "$_\n" } @exprs;
	close($fh);
	my @out = `ASAN_OPTIONS=detect_leaks=1 $drv < $tmp/in`;
	chomp(@out);
	BAIL_OUT('expr_driver failed') if $? != 0 || @out != @exprs;
	return @out;
}

# The compiler's side: the same expressions in a C program.
my $prog = <<'EOF';
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include "itron.h"
#include "kernel.h"
#define TY(e) _Generic(+(e), int: "int", unsigned int: "uint", \
	long: "long", unsigned long: "ulong", long long: "llong", \
	unsigned long long: "ullong", default: "other")
#define NEG(e) ((e) < 0 && _Generic(+(e), int: 1, long: 1, \
	long long: 1, default: 0))
#define P(e) (NEG(e) ? printf("value %s %lld\n", TY(e), (long long)(e)) \
	: printf("value %s %llu\n", TY(e), (unsigned long long)(e)))
int main(void)
{
EOF
$prog .= "\tP($_);\n" for @values;
$prog .= "\treturn 0;\n}\n";
open(my $fh, '>', "$tmp/ref.c") or die;
print $fh $prog;
close($fh);
mkdir("$tmp/inc");
open($fh, '>', "$tmp/inc/port_kernel.h") or die;
close($fh);
system($cc, '-std=c11', '-w', "-I$top/itron/include", "-I$tmp/inc",
    '-o', "$tmp/ref", "$tmp/ref.c") == 0
    or BAIL_OUT('cannot compile the reference program');
my @ref = `$tmp/ref`;
chomp(@ref);

my @got = evaluate(@values);
for my $i (0 .. $#values) {
	is($got[$i], $ref[$i], "value: $values[$i]");
}

@got = evaluate(@unknown);
for my $i (0 .. $#unknown) {
	is($got[$i], 'unknown', "not evaluable: $unknown[$i]");
}

@got = evaluate(map { $_->[0] } @errors);
for my $i (0 .. $#errors) {
	my ($e, $msg) = @{$errors[$i]};
	my $show = length($e) > 40 ? substr($e, 0, 37) . '...' : $e;
	ok($got[$i] =~ /^error expr:1: error: / &&
	    index($got[$i], $msg) >= 0, "error: $show -> $msg")
	    or diag("got: $got[$i]");
}

done_testing();
