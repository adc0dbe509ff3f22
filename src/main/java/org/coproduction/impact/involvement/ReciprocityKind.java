package org.coproduction.impact.involvement;

import java.util.Locale;

/** What a co-producer received for their time. */
public enum ReciprocityKind {
    PAYMENT, VOUCHER, EXPENSES, TRAINING, CERTIFICATE, REFERENCE;

    public String messageKey() {
        return "involvement.reciprocity.kind." + name().toLowerCase(Locale.ROOT);
    }

    /** Money or money's worth: these can affect benefits, and have an amount. */
    public boolean money() {
        return this == PAYMENT || this == VOUCHER || this == EXPENSES;
    }
}
