/* A program's own header that holds its license. */
char LICENSE[] SEC("license") = "GPL";
