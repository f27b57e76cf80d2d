/**
 * A compatibility shim that lets DL4J 1.0.0-M2 find ND4J's native environment under its pre-M2
 * name.
 */
package org.nd4j.nativeblas;
