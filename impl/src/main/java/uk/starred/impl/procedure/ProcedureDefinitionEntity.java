package uk.starred.impl.procedure;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A procedure definition as a concern started under it: written once per id and version, never changed. */
@Entity
@Table(name = "procedure_definition")
@IdClass(ProcedureDefinitionEntity.Key.class)
public class ProcedureDefinitionEntity {

    @Id
    @Column(name = "procedure_id", length = 100)
    private String procedureId;

    @Id
    @Column(name = "procedure_version", length = 50)
    private String procedureVersion;

    @Column(name = "definition", nullable = false)
    private String definition;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    protected ProcedureDefinitionEntity() {
        // for JPA
    }

    ProcedureDefinitionEntity(String procedureId, String procedureVersion, String definition, String sha256,
            Instant storedAt) {
        this.procedureId = procedureId;
        this.procedureVersion = procedureVersion;
        this.definition = definition;
        this.sha256 = sha256;
        this.storedAt = storedAt;
    }

    String definition() {
        return definition;
    }

    String sha256() {
        return sha256;
    }

    /** The composite key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String procedureId;
        private String procedureVersion;

        public Key() {
        }

        Key(String procedureId, String procedureVersion) {
            this.procedureId = procedureId;
            this.procedureVersion = procedureVersion;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(procedureId, k.procedureId)
                    && Objects.equals(procedureVersion, k.procedureVersion);
        }

        @Override
        public int hashCode() {
            return Objects.hash(procedureId, procedureVersion);
        }
    }
}
