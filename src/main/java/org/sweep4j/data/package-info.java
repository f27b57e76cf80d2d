/**
 * Images in: the official CIFAR-10 binary layout (a directory of {@code *.bin} files or {@code
 * cifar-10-binary.tar.gz}), the built-in synthetic set of the same shape, and the shard files of
 * official-layout records that executors turn into DL4J minibatches.
 */
package org.sweep4j.data;
