{{- define "iomete.fullname" -}}
{{ .Release.Name }}
{{- end -}}

{{- define "iomete.labels" -}}
app.kubernetes.io/name: iomete
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: Helm
helm.sh/chart: iomete-{{ .Chart.Version }}
{{- end -}}
