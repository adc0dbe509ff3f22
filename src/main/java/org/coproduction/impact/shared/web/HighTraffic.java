package org.coproduction.impact.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose pages take most of the service's traffic: people answering forms. Its
 * handlers are found in a small mapping of their own before the main one is searched (see
 * {@link HighTrafficMapping}). Access rules, interceptors and everything else are the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HighTraffic {}
