package org.coproduction.impact.shared.web;

/** Keeps "go back to" addresses on this site, so they cannot send people elsewhere. */
public final class SafeRedirect {

    private SafeRedirect() {}

    public static String localPath(String target) {
        if (target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")
                && target.chars().noneMatch(c -> c < 0x20)) {
            return target;
        }
        return "/";
    }
}
