/** A modular service that decides agreements sent to it as JSON: it needs the two dsa-rules modules only. */
module com.example.gp.modular {
    requires org.dsarules.core;
    requires org.dsarules.kb;

    exports com.example.gp.modular;
}
