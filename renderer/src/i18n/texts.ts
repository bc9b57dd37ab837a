/** The shape of a translation of a German namespace: same keys, every leaf a string (the compiler reports a gap). */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
