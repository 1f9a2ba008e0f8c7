/**
 * Compile-time checks that a server schema and a protocol type describe the same thing:
 * `type _Check = Expect<Equal<z.infer<typeof Schema>, ProtocolType>>` fails to compile when
 * either side gains, loses or changes a field.
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;
