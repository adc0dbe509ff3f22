package org.coproduction.impact.shared.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler any signed-in person may call, whatever their organisation (for example,
 * creating an organisation or choosing which one to work in). It reads no tenant data.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SignedIn {}
